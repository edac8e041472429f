/**
 * LW-S3-005: Production S3 buckets cannot be destroyed by a plan.
 */
import { preventsDestroy } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule({
  id: 'LW-S3-005',
  title: 'Production S3 buckets cannot be destroyed by a plan',
  severity: 'critical',
  mirrors: ['lightwave:data-protection'],
  rationale:
    'The copy bucket is the second copy of every media file; prevent_destroy refuses the plan. No scanner equivalent.',
  types: ['aws_s3_bucket'],
  tiers: ['production'],
  test: (bucket) => preventsDestroy(bucket),
});

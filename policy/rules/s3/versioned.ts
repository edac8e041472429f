/**
 * LW-S3-001: S3 buckets are versioned.
 */
import { referencing } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule({
  id: 'LW-S3-001',
  title: 'S3 buckets are versioned',
  severity: 'high',
  mirrors: ['CKV_AWS_21', 'AVD-AWS-0090'],
  rationale:
    'Versioning keeps every overwritten or deleted object as a noncurrent version until the lifecycle expires it.',
  types: ['aws_s3_bucket'],
  test: (_bucket, env, address) =>
    referencing(env.stack, 'aws_s3_bucket_versioning', 'bucket', address).some(
      (v) => (v.versioning_configuration as { status?: string } | undefined)?.status === 'Enabled',
    ) || 'no aws_s3_bucket_versioning with status Enabled',
});

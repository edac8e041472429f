/**
 * LW-S3-006: S3 buckets holding state, and every production bucket, cannot be destroyed by a plan.
 */
import { preventsDestroy } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-S3-006', () => ({
  title: 'State buckets, and every production bucket, cannot be destroyed by a plan',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    "Losing the state bucket orphans every environment of the account, in any tier; losing production's media copy bucket loses the second copy of every media file. A development copy bucket goes with its environment (`cdktf destroy dev`), so outside production only the state bucket (`state.bucket`) is judged. No scanner equivalent (a platform data-protection rule): Checkov reads prevent_destroy on Google KMS keys only (CKV_GCP_82), Trivy and cdk-nag not at all.",
  types: ['aws_s3_bucket'],
  test: (bucket, env) => {
    if (env.config.tier !== 'production' && bucket.bucket !== env.config.state.bucket) return null;
    return (
      (preventsDestroy(bucket) && bucket.force_destroy !== true) || 'no prevent_destroy, or force_destroy set'
    );
  },
}));

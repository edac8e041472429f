/**
 * LW-S3-006: S3 buckets holding state cannot be destroyed by a plan.
 */
import { resourceRule } from '../../rule';

export default resourceRule({
  id: 'LW-S3-006',
  title: 'S3 buckets cannot be destroyed by a plan',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    'Losing the state bucket orphans every environment of the account; a plan that would destroy it must fail. No scanner equivalent (a platform data-protection rule): Checkov reads prevent_destroy on Google KMS keys only (CKV_GCP_82), Trivy and cdk-nag not at all.',
  types: ['aws_s3_bucket'],
  test: (bucket) =>
    ((bucket.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true &&
      bucket.force_destroy !== true) ||
    'no prevent_destroy, or force_destroy set',
});

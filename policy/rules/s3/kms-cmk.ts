/**
 * LW-S3-004: S3 buckets encrypt with a customer-managed KMS key by default.
 */
import { referencing } from '../../aws';
import { get } from '../../../synth/synthesized-environment';
import { resourceRule } from '../../rule';

export default resourceRule({
  id: 'LW-S3-004',
  title: 'S3 buckets encrypt with a customer-managed KMS key by default',
  severity: 'medium',
  mirrors: ['CKV_AWS_145', 'AVD-AWS-0132'],
  rationale: 'A customer-managed key can be audited, rotated and its use revoked; SSE-S3 keys cannot.',
  types: ['aws_s3_bucket'],
  test: (_bucket, env, address) =>
    referencing(env.stack, 'aws_s3_bucket_server_side_encryption_configuration', 'bucket', address).some(
      (c) => {
        const rule = get(c, 'rule', 'apply_server_side_encryption_by_default') as
          Record<string, unknown> | undefined;
        return (
          rule?.sse_algorithm === 'aws:kms' &&
          /^\$\{aws_kms_key\.[\w-]+\.arn\}$/.test(String(rule.kms_master_key_id))
        );
      },
    ) || 'no default encryption with a customer-managed key',
});

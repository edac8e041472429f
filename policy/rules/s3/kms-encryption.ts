/**
 * LW-S3-002: S3 buckets encrypt by default with a customer-managed KMS key.
 */
import { get } from '../../../synth/synthesized-environment';
import { resourceRule } from '../../rule';
import { bucketSetting } from '../../s3';

export default resourceRule('LW-S3-002', () => ({
  title: 'S3 buckets encrypt by default with a customer-managed KMS key',
  severity: 'high',
  mirrors: ['CKV_AWS_145', 'AVD-AWS-0088', 'AVD-AWS-0132', 'NIST.800.53.R5-S3DefaultEncryptionKMS'],
  relation: {
    CKV_AWS_145:
      'stricter: the key must be customer-managed (kms_master_key_id set, not an alias/aws/ key); the check accepts aws:kms with the AWS-managed key',
    'AVD-AWS-0088':
      'stricter: requires aws:kms with a customer-managed key; the check accepts any default encryption, AES256 included',
    'AVD-AWS-0132':
      'stricter: also requires sse_algorithm aws:kms and rejects alias/aws/ keys; the check asks for a non-empty key id and skips log-delivery buckets',
    'NIST.800.53.R5-S3DefaultEncryptionKMS':
      'stricter: the key must be customer-managed; the check asks for the aws:kms algorithm only',
  },
  rationale:
    'Terraform state holds generated passwords, the media copy bucket every media file: a key of their own lets the key policy, not only the bucket policy, decide who reads them.',
  types: ['aws_s3_bucket'],
  test: (_bucket, env, address) => {
    const config = bucketSetting(env.stack, 'aws_s3_bucket_server_side_encryption_configuration', address);
    const byDefault = get(config, 'rule', 'apply_server_side_encryption_by_default');
    const algorithm = get(byDefault, 'sse_algorithm');
    const key = String(get(byDefault, 'kms_master_key_id') ?? '');
    if (algorithm !== 'aws:kms') return `sse_algorithm ${String(algorithm ?? 'not configured')}`;
    return (key !== '' && !key.includes('alias/aws/')) || 'no customer-managed kms_master_key_id';
  },
}));

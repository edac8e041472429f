/**
 * LW-S3-003: S3 buckets block every form of public access.
 */
import { resourceRule } from '../../rule';
import { bucketSetting } from '../../s3';

const settings = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets',
];

export default resourceRule({
  id: 'LW-S3-003',
  title: 'S3 buckets block every form of public access',
  severity: 'critical',
  mirrors: [
    'CKV_AWS_53',
    'CKV_AWS_54',
    'CKV_AWS_55',
    'CKV_AWS_56',
    'CKV2_AWS_6',
    'AVD-AWS-0086',
    'AVD-AWS-0087',
    'AVD-AWS-0091',
    'AVD-AWS-0093',
    'AVD-AWS-0094',
    'AwsSolutions-S2',
    'S3.8',
  ],
  rationale: 'No ACL or policy written later, by mistake or by an attacker, can make state public.',
  types: ['aws_s3_bucket'],
  test: (_bucket, env, address) => {
    const block = bucketSetting(env.stack, 'aws_s3_bucket_public_access_block', address);
    if (!block) return 'no aws_s3_bucket_public_access_block';
    const off = settings.filter((s) => block[s] !== true);
    return off.length === 0 || `not blocked: ${off.join(', ')}`;
  },
});

/**
 * LW-S3-002: S3 buckets block every form of public access.
 */
import { referencing } from '../../aws';
import { resourceRule } from '../../rule';

const SETTINGS = [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets',
];

export default resourceRule({
  id: 'LW-S3-002',
  title: 'S3 buckets block every form of public access',
  severity: 'critical',
  mirrors: [
    'CKV_AWS_53',
    'CKV_AWS_54',
    'CKV_AWS_55',
    'CKV_AWS_56',
    'AVD-AWS-0086',
    'AVD-AWS-0087',
    'AVD-AWS-0091',
    'AVD-AWS-0093',
    'S3.8',
  ],
  rationale:
    'The copy of the media library is for recovery, never for serving; no ACL or policy may open it.',
  types: ['aws_s3_bucket'],
  test: (_bucket, env, address) => {
    const [block] = referencing(env.stack, 'aws_s3_bucket_public_access_block', 'bucket', address);
    if (!block) return 'no aws_s3_bucket_public_access_block';
    const open = SETTINGS.filter((s) => block[s] !== true);
    return open.length === 0 || `not true: ${open.join(', ')}`;
  },
});

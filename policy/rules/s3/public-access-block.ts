/**
 * LW-S3-003: S3 buckets block every form of public access.
 */
import { resourceRule } from '../../rule';
import { bucketSetting } from '../../s3';

/** Against a Checkov check of one setting, which judges the access blocks that exist. */
const checkovOf = (setting: string) =>
  `stricter: each bucket needs a block, with the other three settings true as well; the check reads ${setting} of the blocks that exist` as const;
/** Against a Trivy check of one setting, which already fails a bucket without a block. */
const trivyOf = (setting: string) =>
  `stricter: also requires the other three settings; the check fails a bucket without a block or with ${setting} off` as const;

export default resourceRule('LW-S3-003', () => {
  const settings = [
    'block_public_acls',
    'block_public_policy',
    'ignore_public_acls',
    'restrict_public_buckets',
  ];
  return {
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
    relation: {
      CKV_AWS_53: checkovOf('block_public_acls'),
      CKV_AWS_54: checkovOf('block_public_policy'),
      CKV_AWS_55: checkovOf('ignore_public_acls'),
      CKV_AWS_56: checkovOf('restrict_public_buckets'),
      CKV2_AWS_6:
        'stricter: also requires ignore_public_acls and restrict_public_buckets; the check asks for a block with block_public_acls and block_public_policy',
      'AVD-AWS-0086': trivyOf('block_public_acls'),
      'AVD-AWS-0087': trivyOf('block_public_policy'),
      'AVD-AWS-0091': trivyOf('ignore_public_acls'),
      'AVD-AWS-0093': trivyOf('restrict_public_buckets'),
      'AVD-AWS-0094':
        'stricter: the block must set all four settings true; the check asks only that a block exists',
      'AwsSolutions-S2':
        'stricter: the bucket needs a block; the check passes a bucket without PublicAccessBlockConfiguration',
      'S3.8':
        "stricter: the four settings must be written in the plan; the control reads the deployed bucket's settings, whatever set them",
    },
    rationale:
      'No ACL or policy written later, by mistake or by an attacker, can make state or the media copy public: the copy is for recovery, never for serving.',
    types: ['aws_s3_bucket'],
    test: (_bucket, env, address) => {
      const block = bucketSetting(env.stack, 'aws_s3_bucket_public_access_block', address);
      if (!block) return 'no aws_s3_bucket_public_access_block';
      const off = settings.filter((s) => block[s] !== true);
      return off.length === 0 || `not blocked: ${off.join(', ')}`;
    },
  };
});

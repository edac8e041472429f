/**
 * LW-S3-007: S3 buckets disable ACLs (bucket owner enforced).
 */
import { get } from '../../../synth/synthesized-environment';
import { resourceRule } from '../../rule';
import { bucketSetting } from '../../s3';

export default resourceRule('LW-S3-007', () => ({
  title: 'S3 buckets disable ACLs (bucket owner enforced)',
  severity: 'medium',
  mirrors: ['CKV2_AWS_65'],
  relation:
    'stricter: a bucket without aws_s3_bucket_ownership_controls fails; the check judges only the ownership controls that exist',
  rationale:
    'With ACLs off, the bucket policy alone decides who reads an object; no object carries its own grant.',
  types: ['aws_s3_bucket'],
  test: (_bucket, env, address) => {
    const controls = bucketSetting(env.stack, 'aws_s3_bucket_ownership_controls', address);
    const ownership = get(controls, 'rule', 'object_ownership');
    return ownership === 'BucketOwnerEnforced' || `object_ownership ${String(ownership ?? 'not configured')}`;
  },
}));

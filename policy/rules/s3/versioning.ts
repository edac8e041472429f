/**
 * LW-S3-001: S3 buckets keep every version of their objects.
 */
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';
import { bucketSetting } from '../../s3';

export default resourceRule('LW-S3-001', () => {
  const INLINE_VERSIONING_PASSES =
    "stricter: only an aws_s3_bucket_versioning with status Enabled counts; the check also accepts the bucket's legacy inline versioning block" as const;
  return {
    title: 'S3 buckets keep every version of their objects',
    severity: 'high',
    mirrors: ['CKV_AWS_21', 'AVD-AWS-0090', 'NIST.800.53.R5-S3BucketVersioningEnabled'],
    relation: {
      CKV_AWS_21: INLINE_VERSIONING_PASSES,
      'AVD-AWS-0090': INLINE_VERSIONING_PASSES,
      'NIST.800.53.R5-S3BucketVersioningEnabled': 'same',
    },
    rationale:
      'A state file overwritten by a bad apply or a corrupted write, or a media copy overwritten by a later run of the copy job, is recovered from its previous version.',
    types: ['aws_s3_bucket'],
    test: (_bucket, env, address) => {
      const versioning = bucketSetting(env.stack, 'aws_s3_bucket_versioning', address);
      const status = get(versioning, 'versioning_configuration', 'status');
      return status === 'Enabled' || `versioning ${String(status ?? 'not configured')}`;
    },
  };
});

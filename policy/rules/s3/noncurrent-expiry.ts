/**
 * LW-S3-005: Versioned S3 buckets expire replaced versions after a recovery window.
 */
import { get } from '../../../synth/synthesized-environment';
import { resourceRule } from '../../rule';
import { bucketSetting } from '../../s3';

export default resourceRule('LW-S3-005', () => ({
  title: 'Versioned S3 buckets expire replaced versions after a recovery window',
  severity: 'low',
  mirrors: ['CKV2_AWS_61'],
  relation:
    'stricter: requires an enabled rule expiring replaced versions after 30 days or more; the check accepts any lifecycle configuration',
  rationale:
    'Every apply writes a new state version, every copy run that replaces an object a new copy version: without expiry they pile up forever; with a window of at least 30 days a bad apply can still be rolled back and a lost media file still be found.',
  types: ['aws_s3_bucket'],
  test: (_bucket, env, address) => {
    const lifecycle = bucketSetting(env.stack, 'aws_s3_bucket_lifecycle_configuration', address);
    const rules = (lifecycle?.rule as Record<string, unknown>[] | undefined) ?? [];
    const days = rules
      .filter((r) => r.status === 'Enabled')
      .map((r) => Number(get(r, 'noncurrent_version_expiration', 'noncurrent_days')))
      .filter((d) => Number.isFinite(d));
    if (days.length === 0) return 'no enabled noncurrent_version_expiration';
    return Math.min(...days) >= 30 || `replaced versions expire after ${Math.min(...days)} days`;
  },
}));

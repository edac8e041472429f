/**
 * LW-CF-005: Buckets abort incomplete multipart uploads.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-CF-005', () => ({
  title: 'Buckets abort incomplete multipart uploads',
  severity: 'low',
  mirrors: [],
  relation: {},
  rationale:
    'Parts of abandoned uploads are stored, and billed, until a rule removes them. No scanner equivalent (Cloudflare R2 object lifecycle docs).',
  types: ['cloudflare_r2_bucket'],
  test: (_bucket, env, address) =>
    Object.values(env.stack.resource?.cloudflare_r2_bucket_lifecycle ?? {}).some(
      (l) =>
        String(l.bucket_name).includes(address) &&
        JSON.stringify(l.rules ?? []).includes('abort_multipart_uploads_transition'),
    ),
}));

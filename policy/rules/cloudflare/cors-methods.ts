/**
 * LW-CF-008: CORS allows reading (and uploading) only.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-CF-008', () => ({
  title: 'CORS allows reading (and uploading) only',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'Browsers never delete or list media; DELETE and POST stay server-side. No scanner equivalent (Cloudflare R2 CORS docs).',
  types: ['cloudflare_r2_bucket_cors'],
  test: (cors) =>
    ((cors.rules as { allowed: { methods: string[] } }[] | undefined) ?? []).every((r) =>
      r.allowed.methods.every((m) => ['GET', 'HEAD', 'PUT'].includes(m)),
    ),
}));

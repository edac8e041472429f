/**
 * LW-CF-001: The public r2.dev URL of each bucket is disabled.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-CF-001', () => ({
  title: 'The public r2.dev URL of each bucket is disabled',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'r2.dev is rate-limited and bypasses the custom domain, its cache, WAF and access rules. No scanner equivalent (Cloudflare R2 public bucket docs).',
  types: ['cloudflare_r2_bucket'],
  test: (_bucket, env, address) =>
    Object.values(env.stack.resource?.cloudflare_r2_managed_domain ?? {}).some(
      (d) => d.enabled === false && String(d.bucket_name).includes(address),
    ),
}));

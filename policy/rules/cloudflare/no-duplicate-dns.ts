/**
 * LW-CF-007: No DNS record competes with an R2 custom domain.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-CF-007', () => ({
  title: 'No DNS record competes with an R2 custom domain',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'The custom domain creates and owns its record; a second one for the same name conflicts with it. No scanner equivalent (Cloudflare R2 custom domain docs).',
  types: ['cloudflare_r2_custom_domain'],
  test: (domain, env) =>
    Object.values({
      ...env.stack.resource?.cloudflare_dns_record,
      ...env.stack.resource?.cloudflare_record,
    }).every((r) => r.name !== domain.domain),
}));

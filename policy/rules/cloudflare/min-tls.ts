/**
 * LW-CF-002: Custom domains accept TLS 1.2 or newer only.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-CF-002', () => ({
  title: 'Custom domains accept TLS 1.2 or newer only',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'min_tls defaults to 1.0, which browsers and PCI have abandoned. No scanner equivalent (Cloudflare R2 custom domain docs).',
  types: ['cloudflare_r2_custom_domain'],
  test: (domain) => ['1.2', '1.3'].includes(String(domain.min_tls)),
}));

/**
 * LW-PGBINI-004: PgBouncer allows only secure TLS versions to the server.
 */
import { iniSettings } from '../../pgbouncer-ini';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGBINI-004', () => ({
  title: 'PgBouncer allows only secure TLS versions to the server',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'secure means TLS 1.2 and 1.3 only; older protocol versions have known downgrade attacks. No scanner equivalent (PgBouncer docs: server_tls_protocols).',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const s = iniSettings(cm);
    return s
      ? ['secure', 'tlsv1.2,tlsv1.3', 'tlsv1.3'].includes(String(s.get('server_tls_protocols') ?? 'secure'))
      : null;
  },
}));

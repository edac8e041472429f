/**
 * LW-PGBINI-001: PgBouncer talks TLS to PostgreSQL (require or verify).
 */
import { iniSettings } from '../../pgbouncer-ini';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGBINI-001', () => ({
  title: 'PgBouncer talks TLS to PostgreSQL (require or verify)',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'The default prefer falls back to plain text; RDS PostgreSQL 15 refuses non-TLS clients anyway. No scanner equivalent (PgBouncer docs: server_tls_sslmode).',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const s = iniSettings(cm);
    return s ? ['require', 'verify-ca', 'verify-full'].includes(String(s.get('server_tls_sslmode'))) : null;
  },
}));

/**
 * LW-PGBINI-002: PgBouncer authenticates clients with SCRAM-SHA-256.
 */
import { iniSettings } from '../../pgbouncer-ini';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGBINI-002', () => ({
  title: 'PgBouncer authenticates clients with SCRAM-SHA-256',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'md5 is the default and is weaker; SCRAM matches RDS. No scanner equivalent (PgBouncer docs: auth_type).',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const s = iniSettings(cm);
    return s ? s.get('auth_type') === 'scram-sha-256' : null;
  },
}));

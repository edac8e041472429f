/**
 * LW-PGBINI-005: PgBouncer authenticates from its auth_file, not auth_query.
 */
import { iniSettings } from '../../pgbouncer-ini';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGBINI-005', () => ({
  title: 'PgBouncer authenticates from its auth_file, not auth_query',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'auth_query reads pg_shadow, which RDS does not let anyone read. No scanner equivalent (pgbouncer/pgbouncer#265).',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const s = iniSettings(cm);
    return s ? s.has('auth_file') && !s.has('auth_query') && !s.has('auth_user') : null;
  },
}));

/**
 * LW-PGBINI-003: PgBouncer pools by transaction.
 */
import { iniSettings } from '../../pgbouncer-ini';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGBINI-003', () => ({
  title: 'PgBouncer pools by transaction',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'Session pooling would need one server connection per client and defeat the pooler. No scanner equivalent (a platform pooling rule).',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const s = iniSettings(cm);
    return s ? s.get('pool_mode') === 'transaction' : null;
  },
}));

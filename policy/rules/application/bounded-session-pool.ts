/**
 * LW-APP-005: Session pooling only on a [databases] entry of its own, with a bounded pool, no reserve and a full reset.
 */
import { iniSection, iniSettings } from '../../pgbouncer-ini';
import { resourceRule } from '../../rule';

export default resourceRule('LW-APP-005', () => ({
  title:
    'Session pooling only on a [databases] entry of its own, with a bounded pool, no reserve and a full reset',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'A session-pooled client holds its server connection until it disconnects (LISTEN, migrations): its own small pool keeps it from starving web requests, and DISCARD ALL keeps one client’s SET or LISTEN from reaching the next. No scanner equivalent (PgBouncer docs: pool_mode, server_reset_query).',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const settings = iniSettings(cm);
    const databases = iniSection(cm, 'databases');
    if (!settings || !databases) return null;
    const session = [...databases].filter(([, value]) => /\bpool_mode=session\b/.test(value));
    if (session.length === 0) return null;
    const loose = session.filter(
      ([, v]) =>
        !/\bpool_size=\d+\b/.test(v) ||
        !/\bmax_db_connections=\d+\b/.test(v) ||
        !/\breserve_pool=0\b/.test(v),
    );
    if (loose.length > 0) return `unbounded session pool: ${loose.map(([name]) => name).join(', ')}`;
    return (
      (settings.get('pool_mode') === 'transaction' && settings.get('server_reset_query') === 'DISCARD ALL') ||
      `pool_mode ${settings.get('pool_mode')}, server_reset_query ${settings.get('server_reset_query') ?? '(unset)'}`
    );
  },
}));

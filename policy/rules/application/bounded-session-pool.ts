/**
 * LW-APP-005: Session pooling only on a [databases] entry of its own, with a bounded pool, no reserve and a full reset.
 */
import { iniSettings } from '../../pgbouncer-ini';
import { resourceRule } from '../../rule';

/** `name → connection string` of the [databases] section. */
function databaseLines(ini: string): Map<string, string> {
  const section = ini.split(/^\[databases\]$/m)[1]?.split(/^\[/m)[0] ?? '';
  return new Map(
    section
      .split('\n')
      .filter((l) => l.includes('=') && !/^\s*[;#]/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')).trim(), l.slice(l.indexOf('=') + 1).trim()]),
  );
}

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
    const ini = (cm.data as Record<string, string> | undefined)?.['pgbouncer.ini'];
    if (!settings || !ini) return null;
    const session = [...databaseLines(ini)].filter(([, value]) => /\bpool_mode=session\b/.test(value));
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

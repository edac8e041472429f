/**
 * LW-PGBINI-006: Admin and stats console users are dedicated users.
 */
import { resourceRule } from '../../rule';

/** pgbouncer.ini key/values (of any section) of a ConfigMap, or undefined when it holds none. */
function ini(configMap: Record<string, unknown>): Map<string, string> | undefined {
  const text = (configMap.data as Record<string, string> | undefined)?.['pgbouncer.ini'];
  if (text === undefined) return undefined;
  return new Map(
    text
      .split('\n')
      .filter((line) => line.includes('=') && !/^\s*[;#]/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')).trim(), line.slice(line.indexOf('=') + 1).trim()]),
  );
}

export default resourceRule({
  id: 'LW-PGBINI-006',
  title: 'Admin and stats console users are dedicated users',
  severity: 'medium',
  mirrors: ['PgBouncer docs: admin_users'],
  rationale: 'Application roles must not be able to pause, kill or reconfigure the pooler.',
  types: ['kubernetes_config_map_v1'],
  test: (cm, env) => {
    const s = ini(cm);
    if (!s) return null;
    const apps = env.config.databaseAccess.roles.map((r) => r.name);
    const consoles = [
      ...String(s.get('admin_users') ?? '').split(','),
      ...String(s.get('stats_users') ?? '').split(','),
    ].filter(Boolean);
    return consoles.length > 0 && consoles.every((u) => !apps.includes(u));
  },
});

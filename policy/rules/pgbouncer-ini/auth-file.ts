/**
 * LW-PGBINI-005: PgBouncer authenticates from its auth_file, not auth_query.
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
  id: 'LW-PGBINI-005',
  title: 'PgBouncer authenticates from its auth_file, not auth_query',
  severity: 'high',
  mirrors: ['pgbouncer/pgbouncer#265'],
  rationale: 'auth_query reads pg_shadow, which RDS does not let anyone read.',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const s = ini(cm);
    return s ? s.has('auth_file') && !s.has('auth_query') && !s.has('auth_user') : null;
  },
});

/**
 * LW-PGBINI-002: PgBouncer authenticates clients with SCRAM-SHA-256.
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
  id: 'LW-PGBINI-002',
  title: 'PgBouncer authenticates clients with SCRAM-SHA-256',
  severity: 'high',
  mirrors: ['PgBouncer docs: auth_type'],
  rationale: 'md5 is the default and is weaker; SCRAM matches RDS.',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const s = ini(cm);
    return s ? s.get('auth_type') === 'scram-sha-256' : null;
  },
});

/**
 * LW-PGBINI-001: PgBouncer talks TLS to PostgreSQL (require or verify).
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
  id: 'LW-PGBINI-001',
  title: 'PgBouncer talks TLS to PostgreSQL (require or verify)',
  severity: 'high',
  mirrors: ['PgBouncer docs: server_tls_sslmode'],
  rationale: 'The default prefer falls back to plain text; RDS PostgreSQL 15 refuses non-TLS clients anyway.',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const s = ini(cm);
    return s ? ['require', 'verify-ca', 'verify-full'].includes(String(s.get('server_tls_sslmode'))) : null;
  },
});

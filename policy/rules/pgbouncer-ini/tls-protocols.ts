/**
 * LW-PGBINI-004: PgBouncer allows only secure TLS versions to the server.
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
  id: 'LW-PGBINI-004',
  title: 'PgBouncer allows only secure TLS versions to the server',
  severity: 'medium',
  mirrors: ['PgBouncer docs: server_tls_protocols'],
  rationale: 'secure means TLS 1.2 and 1.3 only; older protocol versions have known downgrade attacks.',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const s = ini(cm);
    return s
      ? ['secure', 'tlsv1.2,tlsv1.3', 'tlsv1.3'].includes(String(s.get('server_tls_protocols') ?? 'secure'))
      : null;
  },
});

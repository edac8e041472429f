/**
 * LW-PGBINI-003: PgBouncer pools by transaction.
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
  id: 'LW-PGBINI-003',
  title: 'PgBouncer pools by transaction',
  severity: 'medium',
  mirrors: ['lightwave:pooling'],
  rationale: 'Session pooling would need one server connection per client and defeat the pooler.',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const s = ini(cm);
    return s ? s.get('pool_mode') === 'transaction' : null;
  },
});

/**
 * pgbouncer.ini settings of a ConfigMap, as the PgBouncer rules read them.
 */
import type { Block } from '../synth/terraform-json';

/** key → value of every `key = value` line (any section), or undefined when the ConfigMap holds no pgbouncer.ini. */
export function iniSettings(configMap: Block): Map<string, string> | undefined {
  const text = (configMap.data as Record<string, string> | undefined)?.['pgbouncer.ini'];
  if (text === undefined) return undefined;
  const lines = text.split('\n').filter((line) => line.includes('=') && !/^\s*[;#]/.test(line));
  return new Map(
    lines.map((line) => [line.slice(0, line.indexOf('=')).trim(), line.slice(line.indexOf('=') + 1).trim()]),
  );
}

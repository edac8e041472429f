/**
 * pgbouncer.ini settings of a ConfigMap, as the PgBouncer rules read them.
 */
import type { Block } from '../synth/terraform-json';

const iniText = (configMap: Block): string | undefined =>
  (configMap.data as Record<string, string> | undefined)?.['pgbouncer.ini'];

/** key → value of the `key = value` lines given, comments left out. */
function settingsOf(lines: readonly string[]): Map<string, string> {
  return new Map(
    lines
      .filter((line) => line.includes('=') && !/^\s*[;#]/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')).trim(), line.slice(line.indexOf('=') + 1).trim()]),
  );
}

/** key → value of every `key = value` line (any section), or undefined when the ConfigMap holds no pgbouncer.ini. */
export function iniSettings(configMap: Block): Map<string, string> | undefined {
  const text = iniText(configMap);
  return text === undefined ? undefined : settingsOf(text.split('\n'));
}

/** key → value of the lines of one `[section]`, or undefined when the ConfigMap holds no pgbouncer.ini. */
export function iniSection(configMap: Block, section: string): Map<string, string> | undefined {
  const text = iniText(configMap);
  if (text === undefined) return undefined;
  let current: string | undefined;
  const lines = text.split('\n').filter((line) => {
    const header = /^\s*\[([^\]]*)\]\s*$/.exec(line);
    if (header) current = header[1].trim();
    return !header && current === section;
  });
  return settingsOf(lines);
}

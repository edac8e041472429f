/**
 * Sets one `key = value` in a section of an ini text, replacing the existing line or adding it at the section's end.
 */
export function setIniValue(ini: string, section: string, key: string, value: string | number): string {
  const lines = ini.split('\n');
  const start = lines.findIndex((l) => l.trim() === `[${section}]`);
  if (start < 0) throw new Error(`no [${section}] section`);
  let end = lines.findIndex((l, i) => i > start && /^\s*\[/.test(l));
  if (end < 0) end = lines.length;
  const line = `${key} = ${value}`;
  const at = lines.findIndex((l, i) => i > start && i < end && l.split('=')[0].trim() === key);
  if (at >= 0) lines[at] = line;
  else lines.splice(lines[end - 1] === '' ? end - 1 : end, 0, line);
  return lines.join('\n');
}

/** The value of `key` in `section`, or undefined. */
export function getIniValue(ini: string, section: string, key: string): string | undefined {
  let current = '';
  for (const line of ini.split('\n')) {
    const header = /^\s*\[(.+)\]\s*$/.exec(line);
    if (header) current = header[1];
    else if (current === section && line.split('=')[0].trim() === key)
      return line.slice(line.indexOf('=') + 1).trim();
  }
  return undefined;
}

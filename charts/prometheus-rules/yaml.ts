/**
 * A small YAML writer for rule files: maps, lists, strings and numbers. Strings are written double-quoted (JSON's
 * escaping is valid YAML), so no value is ever misread as another type.
 */
export type YamlValue =
  string | number | boolean | readonly YamlValue[] | { readonly [key: string]: YamlValue };

const scalar = (value: string | number | boolean): string =>
  typeof value === 'string' ? JSON.stringify(value) : String(value);

function lines(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    return (value as readonly YamlValue[]).flatMap((item) => {
      const [first, ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, YamlValue>).flatMap(([key, item]) =>
      typeof item === 'object'
        ? [`${indent}${key}:`, ...lines(item, `${indent}  `)]
        : [`${indent}${key}: ${scalar(item)}`],
    );
  }
  return [`${indent}${scalar(value)}`];
}

export function toYaml(value: YamlValue): string {
  return `${lines(value, '').join('\n')}\n`;
}

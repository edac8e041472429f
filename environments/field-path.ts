/**
 * Reading a config by a field's dotted path as validation names it (`cluster.namespaces[2].quota.limits.cpu`).
 */

/** The value at `field`, or undefined where the path leaves the config. */
export function valueAtField(value: unknown, field: string): unknown {
  return field
    .split(/\.|(?=\[)/)
    .filter((s) => s !== '')
    .map((s) => (/^\[\d+\]$/.test(s) ? Number(s.slice(1, -1)) : s))
    .reduce<unknown>(
      (v, key) => (v !== null && typeof v === 'object' ? (v as never)[key] : undefined),
      value,
    );
}

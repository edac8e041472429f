/**
 * How an environment's values meet its tier's: objects are merged key by key, anything else (a number, a text, a
 * list) written by the environment replaces the tier's. Every key the environment writes lands in the resolved
 * config at the same path, so validation names the field as the environment file spells it, and refuses a key no
 * interface declares.
 */

/** Any part of `T`, at any depth; lists are written whole. */
export type Overrides<T> = {
  readonly [K in keyof T]?: T[K] extends readonly unknown[]
    ? T[K]
    : T[K] extends object
      ? Overrides<T[K]>
      : T[K];
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);

/** `base` with `over` written on top; neither is changed. */
export function mergeValues<T>(base: T, over: unknown): T {
  if (!isObject(base) || !isObject(over)) return (over === undefined ? base : over) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = mergeValues(base[key], value);
  return merged as T;
}

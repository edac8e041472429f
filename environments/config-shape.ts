/**
 * The vocabulary of a configuration's shape: which keys exist at each depth. The shapes themselves are generated from
 * the TypeScript interfaces (`npm run config:shape` writes config-shape.generated.ts), because `cdktf synth` runs
 * compiled JavaScript without type-checking and would otherwise ignore a misspelt or undeclared key.
 */

/** A value with no keys of its own to check (text, number, boolean, an enumeration). */
export interface LeafShape {
  readonly kind: 'leaf';
}

/** A list: every element has the shape `of`. */
export interface ListShape {
  readonly kind: 'list';
  readonly of: ConfigShape;
}

/** A map with free keys (tags, labels, settings): every value has the shape `of`. */
export interface RecordShape {
  readonly kind: 'record';
  readonly of: ConfigShape;
}

/** An object with exactly these keys (optional ones included). */
export interface ObjectShape {
  readonly kind: 'object';
  readonly keys: Readonly<Record<string, ConfigShape>>;
}

export type ConfigShape = LeafShape | ListShape | RecordShape | ObjectShape;

export const leaf: LeafShape = { kind: 'leaf' };
export const list = (of: ConfigShape): ListShape => ({ kind: 'list', of });
export const record = (of: ConfigShape): RecordShape => ({ kind: 'record', of });
export const object = (keys: Record<string, ConfigShape>): ObjectShape => ({ kind: 'object', keys });

/** A key the shape does not know, with the keys allowed where it stands. */
export interface UnknownKey {
  /** Full path of the key, e.g. `cluster.pgbouncer.defaultPoolSise`. */
  readonly path: string;
  /** The key itself, e.g. `defaultPoolSise`. */
  readonly key: string;
  /** The keys the object at that depth accepts, sorted. */
  readonly allowed: readonly string[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** Every key of `value`, at any depth, that `shape` does not declare. */
export function unknownKeys(value: unknown, shape: ConfigShape, path = ''): UnknownKey[] {
  switch (shape.kind) {
    case 'leaf':
      return [];
    case 'list':
      return Array.isArray(value) ? value.flatMap((v, i) => unknownKeys(v, shape.of, `${path}[${i}]`)) : [];
    case 'record':
      return isPlainObject(value)
        ? Object.entries(value).flatMap(([k, v]) => unknownKeys(v, shape.of, join(path, k)))
        : [];
    case 'object': {
      if (!isPlainObject(value)) return [];
      return Object.entries(value).flatMap(([k, v]) => {
        const known = shape.keys[k];
        // The allowed keys are listed only for an unknown one: this walk runs on every validation.
        return known
          ? unknownKeys(v, known, join(path, k))
          : [{ path: join(path, k), key: k, allowed: Object.keys(shape.keys).sort() }];
      });
    }
  }
}

/**
 * Attribute paths inside a synthesized block or a planned value: `['spec', 'template', 'metadata', 'annotations',
 * 'checksum/config']`, `['rules', 0, 'allowed', 'methods']`. Synthesized JSON writes nested blocks as objects or lists,
 * plans always as lists; comparisons use the path without list indices so both read the same.
 */

export type PathSegment = string | number;
export type AttributePath = readonly PathSegment[];

export interface Leaf {
  readonly path: AttributePath;
  readonly value: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isScalarList = (value: unknown[]): boolean => value.every((v) => v === null || typeof v !== 'object');

/**
 * The leaves of a value: scalars, lists of scalars (one leaf: a list of names reads as one value) and empty
 * objects or lists. Keys listed in `skip` are left out at the top level.
 */
export function leavesOf(value: unknown, skip: readonly string[] = []): Leaf[] {
  const leaves: Leaf[] = [];
  // One path, extended and shortened on the way down and up; each leaf keeps a copy (the review walks whole stacks).
  const path: PathSegment[] = [];
  const step = (segment: PathSegment, item: unknown) => {
    path.push(segment);
    visit(item);
    path.pop();
  };
  const visit = (current: unknown): void => {
    const entries = isObject(current) ? Object.entries(current) : [];
    if (Array.isArray(current) && current.length > 0 && !isScalarList(current)) {
      current.forEach((item, i) => step(i, item));
    } else if (entries.length > 0) {
      for (const [key, item] of entries) if (path.length > 0 || !skip.includes(key)) step(key, item);
    } else {
      leaves.push({ path: [...path], value: current });
    }
  };
  visit(value);
  return leaves;
}

/**
 * The value at `path`, written either way a nested block can be: `metadata[0].name` reads `{metadata: {name}}` and
 * `metadata.name` reads `{metadata: [{name}]}`.
 */
export function valueAt(value: unknown, path: AttributePath): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'string' && Array.isArray(current) && current.length === 1) current = current[0];
    if (segment === 0 && current && typeof current === 'object' && !Array.isArray(current)) continue;
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return current;
}

/** The path without list indices, as the provider schema names it: `spec.template.metadata`. */
export const schemaPath = (path: AttributePath): string[] =>
  path.filter((s): s is string => typeof s === 'string');

/** Whether one path (without indices) starts with the other. */
export function pathsOverlap(a: AttributePath, b: AttributePath): boolean {
  const [x, y] = [schemaPath(a), schemaPath(b)];
  const n = Math.min(x.length, y.length);
  return x.slice(0, n).every((s, i) => s === y[i]);
}

const plainKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `spec.template.metadata.annotations["checksum/config"]`, `rules[0].allowed.methods`. */
export function formatPath(path: AttributePath): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : plainKey.test(segment)
          ? `${i === 0 ? '' : '.'}${segment}`
          : `[${JSON.stringify(segment)}]`,
    )
    .join('');
}

/**
 * References between blocks of a synthesized stack: the `${type.name.attribute}` expressions inside a block's
 * values (and the addresses of its `depends_on`), with where each sits and which attribute of the target it reads.
 */
import { leavesOf, type AttributePath, type PathSegment } from './attribute-paths';
import type { Block, TerraformJson } from './terraform-json';

export interface Reference {
  /** Where the reference sits in the referencing block. */
  readonly at: AttributePath;
  /** The referenced block: `type.name` or `data.type.name`. */
  readonly target: string;
  /** The attribute read, e.g. ['metadata', 0, 'name']; empty for the whole block (or a `depends_on` entry). */
  readonly attribute: AttributePath;
  /** The whole value is exactly this one reference (`"${cloudflare_r2_bucket.media_bucket.name}"`). */
  readonly whole: boolean;
}

const traversal = /(?<![\w.])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\d+\])*)/g;

function attributeOf(text: string): PathSegment[] {
  return [...text.matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) =>
    m[1] !== undefined ? m[1] : Number(m[2]),
  );
}

function referencesInText(
  text: string,
  at: AttributePath,
  isBlock: (address: string) => boolean,
): Reference[] {
  if (!text.includes('${')) return []; // most values hold no expression
  const expressions = [...text.matchAll(/\$\{([^}]*)\}/g)];
  const whole = expressions.length === 1 && expressions[0][0] === text;
  return expressions.flatMap((expression) => {
    const found = [...expression[1].matchAll(traversal)].filter((m) => isBlock(m[1]));
    return found.map((m) => ({
      at,
      target: m[1],
      attribute: attributeOf(m[2]),
      whole: whole && found.length === 1 && m[0] === expression[1].trim(),
    }));
  });
}

/**
 * The references inside a block (or any value); entries of a `depends_on` list are references to a whole block.
 */
export function referencesIn(value: unknown, isBlock: (address: string) => boolean): Reference[] {
  return leavesOf(value, ['//']).flatMap(({ path, value: leaf }) => {
    const items = Array.isArray(leaf)
      ? leaf.map((v, i) => [v, [...path, i]] as const)
      : [[leaf, path] as const];
    const dependsOn = path[path.length - 1] === 'depends_on';
    return items.flatMap(([text, at]): Reference[] => {
      if (typeof text !== 'string') return [];
      if (dependsOn) return isBlock(text) ? [{ at, target: text, attribute: [], whole: false }] : [];
      return referencesInText(text, at, isBlock);
    });
  });
}

/** Every resource (`type.name`) and data source (`data.type.name`) of a stack, by address. */
export function blocksByAddress(stack: TerraformJson): Map<string, Block> {
  const blocks = new Map<string, Block>();
  for (const [type, byName] of Object.entries(stack.resource ?? {})) {
    for (const [name, block] of Object.entries(byName)) blocks.set(`${type}.${name}`, block);
  }
  for (const [type, byName] of Object.entries(stack.data ?? {})) {
    for (const [name, block] of Object.entries(byName)) blocks.set(`data.${type}.${name}`, block);
  }
  return blocks;
}

/** The resource type of an address: `aws_kms_key` for `aws_kms_key.x` and `data.aws_kms_key.x`. */
export function typeOf(address: string): string {
  const parts = address.split('.');
  return parts[0] === 'data' ? parts[1] : parts[0];
}

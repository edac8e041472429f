/**
 * What changed between two synthesized versions of a stack, leaf by leaf: blocks added, removed, changed and moved
 * (renames declared with `moved` blocks), each with the leaves whose value differs. Resources and data sources both;
 * the config says nothing yet about what the providers will do (see planned-changes.ts).
 */
import { leavesOf, type AttributePath } from '../synth/attribute-paths';
import { blocksByAddress, typeOf } from '../synth/references';
import type { Block, TerraformJson } from '../synth/terraform-json';

export interface LeafDiff {
  readonly path: AttributePath;
  /** `undefined`: the leaf is absent on that side. */
  readonly before: unknown;
  readonly after: unknown;
}

export interface BlockDiff {
  readonly address: string;
  readonly type: string;
  readonly mode: 'managed' | 'data';
  readonly kind: 'added' | 'removed' | 'changed' | 'moved';
  /** For a move, the address in the base. */
  readonly from?: string;
  readonly leaves: readonly LeafDiff[];
  readonly base?: Block;
  readonly head?: Block;
}

/** Meta-arguments: a change to them alone makes no API call. */
export const META_ARGUMENTS = ['lifecycle', 'depends_on', 'provider', 'count', 'for_each', 'provisioner'];

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The leaves that differ between two blocks, in path order. */
export function leafDiffs(base: Block | undefined, head: Block | undefined): LeafDiff[] {
  const key = (path: AttributePath) => JSON.stringify(path);
  const before = new Map(leavesOf(base ?? {}, ['//']).map((l) => [key(l.path), l]));
  const after = new Map(leavesOf(head ?? {}, ['//']).map((l) => [key(l.path), l]));
  const diffs: LeafDiff[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const [b, a] = [before.get(k), after.get(k)];
    if (!same(b?.value, a?.value)) diffs.push({ path: (a ?? b)!.path, before: b?.value, after: a?.value });
  }
  return diffs.sort((x, y) => key(x.path).localeCompare(key(y.path)));
}

export function diffStacks(base: TerraformJson, head: TerraformJson): BlockDiff[] {
  const [before, after] = [blocksByAddress(base), blocksByAddress(head)];
  const movedFrom = new Map(
    ((head.moved ?? []) as { from: string; to: string }[]).map((m) => [m.to, m.from]),
  );
  const consumed = new Set<string>();
  const diffs: BlockDiff[] = [];
  const entry = (address: string, rest: Omit<BlockDiff, 'address' | 'type' | 'mode'>): BlockDiff => ({
    address,
    type: typeOf(address),
    mode: address.startsWith('data.') ? 'data' : 'managed',
    ...rest,
  });

  for (const [address, head] of after) {
    const from = before.has(address) ? undefined : movedFrom.get(address);
    const base = before.get(from ?? address);
    if (!base) {
      diffs.push(entry(address, { kind: 'added', leaves: leafDiffs(undefined, head), head }));
      continue;
    }
    consumed.add(from ?? address);
    const leaves = leafDiffs(base, head);
    if (from) diffs.push(entry(address, { kind: 'moved', from, leaves, base, head }));
    else if (leaves.length > 0) diffs.push(entry(address, { kind: 'changed', leaves, base, head }));
  }
  for (const [address, base] of before) {
    if (!consumed.has(address) && !after.has(address))
      diffs.push(entry(address, { kind: 'removed', leaves: [], base }));
  }
  return diffs.sort((a, b) => a.address.localeCompare(b.address));
}

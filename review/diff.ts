/**
 * What changed between two synthesized versions of a stack: resources added, removed and changed (with the
 * attributes), and which changes destroy or replace a data store. Renames declared with `moved` blocks are moves.
 */
import { dataStores } from './data-stores';
import { restoreSource } from './restore';
import type { Block, TerraformJson } from '../synth/terraform-json';

export interface ResourceChange {
  readonly address: string;
  readonly kind: 'added' | 'removed' | 'changed' | 'moved';
  /** Changed top-level attributes, with old → new for scalars. */
  readonly attributes: readonly {
    readonly name: string;
    readonly before: unknown;
    readonly after: unknown;
  }[];
  /** Set when the change loses data: the store is destroyed, or replaced because of `because`. */
  readonly dataLoss?: {
    readonly effect: 'destroy' | 'replace';
    readonly holds: string;
    readonly because?: readonly string[];
  };
  /** For a move, the old address. */
  readonly from?: string;
  /** Set when the change creates a database from a backup: the identifier it replaces (absent for a new one). */
  readonly restore?: { readonly replaces?: string };
}

const strip = (block: Block): Block => Object.fromEntries(Object.entries(block).filter(([k]) => k !== '//'));

function resources(stack: TerraformJson): Map<string, Block> {
  return new Map(
    Object.entries(stack.resource ?? {}).flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, block]) => [`${type}.${name}`, strip(block)] as [string, Block]),
    ),
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffStacks(base: TerraformJson, head: TerraformJson): ResourceChange[] {
  const [before, after] = [resources(base), resources(head)];
  const moves = new Map(((head.moved ?? []) as { from: string; to: string }[]).map((m) => [m.from, m.to]));
  const movedTo = new Set(moves.values());
  const changes: ResourceChange[] = [];

  for (const [address, block] of after) {
    const type = address.split('.')[0];
    const old = before.get(address);
    if (!old) {
      const from = [...moves].find(([, to]) => to === address)?.[0];
      changes.push(
        from && before.has(from)
          ? { address, kind: 'moved', from, attributes: [] }
          : { address, kind: 'added', attributes: [], ...(restoreSource(block) ? { restore: {} } : {}) },
      );
      continue;
    }
    const names = [...new Set([...Object.keys(old), ...Object.keys(block)])].sort();
    const attributes = names
      .filter((n) => !same(old[n], block[n]))
      .map((name) => ({ name, before: old[name], after: block[name] }));
    if (attributes.length === 0) continue;
    const store = dataStores[type];
    const because = store ? attributes.map((a) => a.name).filter((n) => store.replacedBy.includes(n)) : [];
    const restored = restoreSource(block) !== undefined && restoreSource(block) !== restoreSource(old);
    changes.push({
      address,
      kind: 'changed',
      attributes,
      ...(store && because.length > 0
        ? { dataLoss: { effect: 'replace', holds: store.holds, because } }
        : {}),
      ...(restored ? { restore: { replaces: String(old.identifier) } } : {}),
    });
  }
  for (const address of before.keys()) {
    if (after.has(address) || (moves.has(address) && movedTo.has(moves.get(address) as string))) continue;
    const store = dataStores[address.split('.')[0]];
    changes.push({
      address,
      kind: 'removed',
      attributes: [],
      ...(store ? { dataLoss: { effect: 'destroy', holds: store.holds } } : {}),
    });
  }
  return changes.sort((a, b) => a.address.localeCompare(b.address));
}

/**
 * What the providers will do, worked out from two synthesized stacks: the leaf diff of each block, the
 * replace-forcing attributes of its type, and knock-on effects — a block that reads an attribute of a changed
 * block (`bucket_name = "${cloudflare_r2_bucket.media_bucket.name}"`) changes with it even though its own JSON does
 * not, and is replaced when the attribute it feeds forces replacement. A replaced or created block's computed
 * attributes (ids, ARNs) are unknown until apply, so every block reading one changes too.
 *
 * This is the explanation of a plan, and the verdict when no real plan is given; a real plan (planned-from-plan.ts)
 * also sees drift and provider-side defaults this cannot.
 */
import { formatPath, pathsOverlap, schemaPath, valueAt, type AttributePath } from '../synth/attribute-paths';
import { blocksByAddress, referencesIn, typeOf, type Reference } from '../synth/references';
import type { Block, TerraformJson } from '../synth/terraform-json';
import { diffStacks, META_ARGUMENTS, type BlockDiff } from './diff';
import {
  looksSecret,
  stronger,
  UNKNOWN,
  type Action,
  type PlannedChange,
  type PlannedLeaf,
} from './planned-change';
import { forcedBy } from './replace-forcing';

interface Working {
  address: string;
  type: string;
  mode: 'managed' | 'data';
  action: Action;
  movedFrom?: string;
  leaves: PlannedLeaf[];
  replacePaths: Set<string>;
  base?: Block;
  head?: Block;
}

const initialAction: Record<BlockDiff['kind'], Action> = {
  added: 'create',
  removed: 'destroy',
  changed: 'none',
  moved: 'none',
};

/**
 * Whether the head's `lifecycle.ignore_changes` covers a leaf (`all`: every argument): Terraform plans no change for
 * it, and a forcing attribute there forces nothing (e.g. the restore attributes of a restored database).
 */
function ignoredBy(head: Block | undefined): (path: AttributePath) => boolean {
  const ignore = valueAt(head, ['lifecycle', 'ignore_changes']);
  if (ignore === 'all') return () => true;
  const entries = (Array.isArray(ignore) ? ignore : []).map((entry) =>
    String(entry)
      .split(/[.[\]"]+/)
      .filter(Boolean),
  );
  return (path) => {
    const leaf = schemaPath(path);
    return entries.some((entry) => entry.every((segment, i) => leaf[i] === segment));
  };
}

function fromDiff(diff: BlockDiff): Working {
  const work: Working = {
    address: diff.address,
    type: diff.type,
    mode: diff.mode,
    action: initialAction[diff.kind],
    leaves: [],
    replacePaths: new Set(),
    ...(diff.from ? { movedFrom: diff.from } : {}),
    ...(diff.base ? { base: diff.base } : {}),
    ...(diff.head ? { head: diff.head } : {}),
  };
  if (diff.kind === 'added' || diff.kind === 'removed') return work;
  const isIgnored = ignoredBy(diff.head);
  for (const leaf of diff.leaves) {
    const meta = META_ARGUMENTS.includes(String(leaf.path[0]));
    const ignored = !meta && isIgnored(leaf.path);
    const sensitive = looksSecret(leaf.path, leaf.before, leaf.after);
    work.leaves.push({
      ...leaf,
      ...(meta ? { meta } : {}),
      ...(ignored ? { ignored } : {}),
      ...(sensitive ? { sensitive } : {}),
    });
    if (meta || ignored) continue;
    applyLeaf(work, leaf.path);
  }
  return work;
}

/** Raises the action for a changed leaf: replace when the path forces it, update otherwise. */
function applyLeaf(work: Working, path: AttributePath): void {
  const forcing = forcedBy(work.type, path, work.base);
  if (forcing) work.replacePaths.add(forcing);
  work.action = stronger(work.action, forcing ? 'replace' : 'update');
}

/** How a change of `target` affects a reader of `attribute`: its value changes, becomes unknown, or stays. */
function effectOn(target: Working, attribute: AttributePath): 'changes' | 'unknown' | 'same' {
  const touched = target.leaves.some(
    (l) => !l.meta && !l.ignored && (attribute.length === 0 || pathsOverlap(l.path, attribute)),
  );
  const renewed = target.action === 'create' || target.action === 'replace' || target.mode === 'data';
  if (!renewed) return touched ? 'changes' : 'same';
  const top = schemaPath(attribute)[0];
  if (top === undefined || !(top in (target.head ?? {}))) return 'unknown';
  return touched ? 'changes' : 'same';
}

const literalValue = (value: unknown): boolean =>
  value !== undefined && !(typeof value === 'string' && value.includes('${'));

/** The knock-on leaf of `reader` for a reference whose target changes. */
function knockOnLeaf(
  reader: Working,
  ref: Reference,
  target: Working,
  effect: 'changes' | 'unknown',
): PlannedLeaf {
  const resolved = (block?: Block) => {
    const value = ref.whole && block ? valueAt(block, ref.attribute) : undefined;
    return literalValue(value) ? value : undefined;
  };
  const before = resolved(target.base);
  const after = effect === 'changes' ? (resolved(target.head) ?? UNKNOWN) : UNKNOWN;
  const expression = valueAt(reader.head, ref.at);
  return {
    path: ref.at,
    before: before ?? valueAt(reader.base, ref.at),
    after,
    via: `${ref.target}${ref.attribute.length > 0 ? `.${formatPath(ref.attribute)}` : ''}`,
    ...(looksSecret(ref.at, expression) ? { sensitive: true } : {}),
  };
}

const sameRef = (a: AttributePath, b: AttributePath) => JSON.stringify(a) === JSON.stringify(b);

/** Follows references from changed blocks to their readers until nothing new changes. */
function propagate(work: Map<string, Working>, head: TerraformJson): void {
  const blocks = blocksByAddress(head);
  const references = [...blocks].map(([address, block]) => ({
    address,
    refs: referencesIn(block, (a) => blocks.has(a)).filter((r) => !META_ARGUMENTS.includes(String(r.at[0]))),
  }));
  for (let changed = true; changed;) {
    changed = false;
    for (const { address, refs } of references) {
      for (const ref of refs) {
        const target = work.get(ref.target);
        if (!target || target.action === 'none' || target.action === 'destroy') continue;
        const effect = effectOn(target, ref.attribute);
        if (effect === 'same') continue;
        const reader = work.get(address) ?? readerOf(address, blocks.get(address)!);
        if (reader.action === 'create' || reader.leaves.some((l) => sameRef(l.path, ref.at))) continue;
        reader.leaves.push(knockOnLeaf(reader, ref, target, effect), ...dataLeavesFor(reader, target));
        applyLeaf(reader, ref.at);
        work.set(address, reader);
        changed = true;
      }
    }
  }
}

/**
 * A data source is read at plan time and never listed as a change, so a reader of a changed one shows the data
 * source's own changed leaves: a policy document gaining an action is visible on the role policy that uses it.
 */
function dataLeavesFor(reader: Working, target: Working): PlannedLeaf[] {
  if (target.mode !== 'data') return [];
  return target.leaves
    .filter(
      (l) =>
        !l.meta &&
        !l.ignored &&
        !reader.leaves.some((r) => r.via === target.address && sameRef(r.path, l.path)),
    )
    .map((l) => ({ ...l, via: target.address }));
}

/** A block whose own JSON did not change (base and head alike) but that reads a changed one. */
function readerOf(address: string, block: Block): Working {
  return {
    address,
    type: typeOf(address),
    mode: address.startsWith('data.') ? 'data' : 'managed',
    action: 'none',
    leaves: [],
    replacePaths: new Set(),
    base: block,
    head: block,
  };
}

export function planFromConfig(base: TerraformJson, head: TerraformJson): PlannedChange[] {
  const work = new Map(diffStacks(base, head).map((d) => [d.address, fromDiff(d)]));
  propagate(work, head);
  return [...work.values()]
    .filter((w) => w.mode === 'managed' && (w.action !== 'none' || w.movedFrom || w.leaves.length > 0))
    .map((w): PlannedChange => ({
      address: w.address,
      type: w.type,
      action: w.action,
      ...(w.movedFrom ? { movedFrom: w.movedFrom } : {}),
      leaves: w.leaves,
      replacePaths: [...w.replacePaths],
      ...(w.base ? { base: w.base } : {}),
      ...(w.head ? { head: w.head } : {}),
    }))
    .sort((a, b) => a.address.localeCompare(b.address));
}

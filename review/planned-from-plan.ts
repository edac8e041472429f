/**
 * What will happen, read from a real plan (`terraform show -json <planfile>`): the actions the providers chose,
 * their `replace_paths`, and the leaf diff of before/after with unknown and sensitive values marked. The synthesized
 * stacks only add each resource's configuration (lifecycle, protections) for the outcome notes.
 */
import { leavesOf, type AttributePath } from '../synth/attribute-paths';
import type { PlanJson, PlanResourceChange, ValueMask } from '../synth/plan-json';
import { blocksByAddress } from '../synth/references';
import type { Block, TerraformJson } from '../synth/terraform-json';
import { looksSecret, UNKNOWN, type Action, type PlannedChange, type PlannedLeaf } from './planned-change';

function actionOf(actions: readonly string[]): Action {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  if (actions.includes('create')) return 'create';
  if (actions.includes('delete')) return 'destroy';
  if (actions.includes('update')) return 'update';
  return 'none';
}

/** The exact value at `path` (no stepping through lists). */
function at(value: unknown, path: AttributePath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Whether a mask marks `path` (or a parent of it) true. */
function marked(mask: ValueMask | undefined, path: AttributePath): boolean {
  let current: unknown = mask;
  for (const segment of path) {
    if (current === true) return true;
    if (current === null || typeof current !== 'object') return false;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current === true;
}

/** Paths a mask marks true. */
function markedPaths(mask: ValueMask | undefined, path: (string | number)[] = []): AttributePath[] {
  if (mask === true) return [path];
  if (Array.isArray(mask)) return mask.flatMap((m, i) => markedPaths(m, [...path, i]));
  if (mask && typeof mask === 'object')
    return Object.entries(mask).flatMap(([k, m]) => markedPaths(m, [...path, k]));
  return [];
}

/**
 * The changed leaves of a planned change. Values only known after apply are kept where the configuration sets the
 * attribute or the change forces replacement: a replaced resource's computed attributes (ids, ARNs, endpoints) are
 * all unknown and say nothing a reviewer can act on.
 */
function leavesOfChange({ change }: PlanResourceChange, configured?: Block): PlannedLeaf[] {
  const forcing = new Set((change.replace_paths ?? []).map((p) => String(p[0])));
  const telling = (path: AttributePath) =>
    forcing.has(String(path[0])) || (!!configured && String(path[0]) in configured);
  const key = (p: AttributePath) => JSON.stringify(p);
  const paths = new Map<string, AttributePath>();
  for (const leaf of [...leavesOf(change.before ?? {}), ...leavesOf(change.after ?? {})])
    paths.set(key(leaf.path), leaf.path);
  for (const path of markedPaths(change.after_unknown)) paths.set(key(path), path);
  const leaves: PlannedLeaf[] = [];
  for (const path of paths.values()) {
    const before = at(change.before, path);
    const after = marked(change.after_unknown, path) ? UNKNOWN : at(change.after, path);
    if (after !== UNKNOWN && JSON.stringify(before) === JSON.stringify(after)) continue;
    if (after === UNKNOWN && !telling(path)) continue;
    const sensitive =
      marked(change.before_sensitive, path) ||
      marked(change.after_sensitive, path) ||
      looksSecret(path, before, after);
    leaves.push({ path, before, after, ...(sensitive ? { sensitive } : {}) });
  }
  return leaves.sort((a, b) => key(a.path).localeCompare(key(b.path)));
}

/** The planned changes of a plan, with the configuration of each resource from the stacks when given. */
export function planFromPlanJson(
  plan: PlanJson,
  stacks: { base?: TerraformJson; head?: TerraformJson } = {},
): PlannedChange[] {
  const [before, after] = [blocksByAddress(stacks.base ?? {}), blocksByAddress(stacks.head ?? {})];
  return (plan.resource_changes ?? [])
    .filter((c) => c.mode === 'managed')
    .map((c): PlannedChange => {
      const action = actionOf(c.change.actions);
      const base = before.get(c.previous_address ?? c.address);
      const head = after.get(c.address);
      return {
        address: c.address,
        type: c.type,
        action,
        ...(c.previous_address ? { movedFrom: c.previous_address } : {}),
        leaves: action === 'update' || action === 'replace' ? leavesOfChange(c, head) : [],
        replacePaths: (c.change.replace_paths ?? []).map((p) =>
          p.filter((s) => typeof s === 'string').join('.'),
        ),
        ...(base ? { base } : {}),
        ...(head ? { head } : {}),
      };
    })
    .filter((c) => c.action !== 'none' || c.movedFrom)
    .sort((a, b) => a.address.localeCompare(b.address));
}

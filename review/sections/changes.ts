/**
 * What changes, resource by resource and leaf by leaf: each leaf as `path: before` → `after`, long
 * values cut with a count, secrets masked, knock-on leaves naming the attribute they come from.
 */
import { formatPath } from '../../synth/attribute-paths';
import { changedLines, isMultiLine } from '../line-diff';
import { bullet, code, differing } from '../markdown';
import { isChange, UNKNOWN, type PlannedChange, type PlannedLeaf } from '../planned-change';
import type { EnvironmentVerdict } from '../verdict';
import type { EnvironmentSection } from './section';

/** Leaves shown per resource; the rest are counted. */
const MAX_LEAVES = 12;
/** Changed lines shown per multi-line value; the rest are counted. */
const MAX_LINES = 40;
/** A changed line is cut to this width around its difference (two of them fit a report line). */
const LINE_WIDTH = 72;

const special = (value: unknown, sensitive?: boolean): string | undefined =>
  value === UNKNOWN
    ? '(known after apply)'
    : value === undefined
      ? '(none)'
      : sensitive
        ? '(sensitive)'
        : undefined;

/** A multi-line value's changed lines, one sub-item each: `before` → `after`, `(none)` for an added or removed line. */
function lineItems(before: string, after: string, depth: number): string[] {
  const changes = changedLines(before, after);
  const items = changes.slice(0, MAX_LINES).map(({ before: b, after: a }) => {
    const [was, now] = b !== undefined && a !== undefined ? differing(b, a, LINE_WIDTH) : [b, a];
    return bullet(
      `${was === undefined ? '(none)' : code(was)} → ${now === undefined ? '(none)' : code(now)}`,
      depth,
    );
  });
  const more = changes.length - MAX_LINES;
  return more > 0 ? [...items, bullet(`… and ${more} more changed lines`, depth)] : items;
}

/** The items of one leaf: its line, and under it every changed line of a multi-line value. */
export function leafItems(leaf: PlannedLeaf, depth: number): string[] {
  if (leaf.sensitive || !isMultiLine(leaf.before) || !isMultiLine(leaf.after))
    return [bullet(leafLine(leaf), depth)];
  const count = changedLines(leaf.before, leaf.after).length;
  const head = `${code(formatPath(leaf.path))}: ${count} changed line${count === 1 ? '' : 's'}${leaf.via ? ` from ${code(leaf.via)}` : ''}`;
  return [bullet(head, depth), ...lineItems(leaf.before, leaf.after, depth + 1)];
}

export function leafLine(leaf: PlannedLeaf): string {
  const [b, a] = [special(leaf.before, leaf.sensitive), special(leaf.after, leaf.sensitive)];
  const [before, after] = differing(b ?? JSON.stringify(leaf.before), a ?? JSON.stringify(leaf.after));
  // Two code spans, so a long leaf wraps between them instead of running past the line width.
  const change = `${code(`${formatPath(leaf.path)}: ${b ?? before}`)} → ${code(a ?? after)}`;
  const note = leaf.meta
    ? ' (Terraform only: no API call)'
    : leaf.ignored
      ? ' (in `lifecycle.ignore_changes`: not planned)'
      : '';
  return `${change}${leaf.via ? ` from ${code(leaf.via)}` : ''}${note}`;
}

function headline(change: PlannedChange): string {
  const moved = change.movedFrom ? ` moved from ${code(change.movedFrom)}` : '';
  const action =
    change.action === 'none' ? (change.movedFrom ? '' : ' configuration only') : ` **${change.action}**`;
  const forced =
    change.action === 'replace' && change.replacePaths.length > 0
      ? ` (${change.replacePaths.map((p) => code(p)).join(', ')} forces it)`
      : '';
  return `${code(change.address)} —${action}${forced}${moved}`;
}

export function changeLines(changes: readonly PlannedChange[]): string {
  return changes
    .map((change) => {
      const leaves = change.leaves.slice(0, MAX_LEAVES).flatMap((l) => leafItems(l, 1));
      const more = change.leaves.length - MAX_LEAVES;
      return [
        bullet(headline(change)),
        ...leaves,
        ...(more > 0 ? [bullet(`… and ${more} more`, 1)] : []),
      ].join('\n');
    })
    .join('\n');
}

export const changesSection: EnvironmentSection = {
  id: 'changes',
  render(verdict: EnvironmentVerdict) {
    const shown = verdict.changes.changes.filter((c) => isChange(c) || c.leaves.length > 0);
    if (verdict.status === 'full' || shown.length === 0) return undefined;
    const explained = verdict.explanation?.filter((c) => isChange(c) || c.leaves.length > 0);
    return {
      summary: `What changes, attribute by attribute (${shown.length} resource${shown.length === 1 ? '' : 's'})`,
      body: [
        changeLines(shown),
        ...(explained && explained.length > 0
          ? ['', 'Why — the configuration diff behind the plan:', '', changeLines(explained)]
          : []),
      ].join('\n'),
    };
  },
};

/**
 * The changed lines of a multi-line value (a pgbouncer.ini, an alert rules file): a longest-common-subsequence diff
 * of the lines, each run of removed and added lines paired up, so that a reviewer sees every line that changes —
 * `default_pool_size = 40` → `default_pool_size = 30` — instead of the first difference and a count.
 */

/** One changed line: `before` removed and `after` added in its place; one side absent for a pure removal or addition. */
export interface LineChange {
  readonly before?: string;
  readonly after?: string;
}

export const isMultiLine = (value: unknown): value is string =>
  typeof value === 'string' && value.includes('\n');

/** lengths[i][j]: the longest common subsequence of a[i..] and b[j..]. */
function lcsLengths(a: readonly string[], b: readonly string[]): number[][] {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i][j] =
        a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  return lengths;
}

/** Removed and added lines paired within each run between unchanged lines. */
function paired(removed: string[], added: string[]): LineChange[] {
  return Array.from({ length: Math.max(removed.length, added.length) }, (_, k) => ({
    ...(k < removed.length ? { before: removed[k] } : {}),
    ...(k < added.length ? { after: added[k] } : {}),
  }));
}

export function changedLines(before: string, after: string): LineChange[] {
  const [a, b] = [before.split('\n'), after.split('\n')];
  const lengths = lcsLengths(a, b);
  const changes: LineChange[] = [];
  let [removed, added]: string[][] = [[], []];
  const flush = () => {
    changes.push(...paired(removed, added));
    [removed, added] = [[], []];
  };
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lengths[i + 1][j] >= lengths[i][j + 1]))
      removed.push(a[i++]);
    else added.push(b[j++]);
  }
  flush();
  return changes;
}

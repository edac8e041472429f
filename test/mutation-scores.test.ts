/**
 * The score `npm run test:mutation` judges each module group by: detected (killed, timed out) over the mutants that
 * count (detected, survived, not covered), a file in the group whose prefix it starts with.
 */
import { groupScores, MUTATION_GROUPS, type MutationReport } from '../scripts/mutation-scores';

const report = (files: Record<string, readonly string[]>): MutationReport => ({
  files: Object.fromEntries(
    Object.entries(files).map(([file, statuses]) => [
      file,
      { mutants: statuses.map((status) => ({ status })) },
    ]),
  ),
});

const scoreOf = (r: MutationReport, group: string) => groupScores(r).find((s) => s.group === group);

test('killed and timed-out mutants are detected; survivors and uncovered ones count against the score', () => {
  const r = report({ 'environments/rules/core.ts': ['Killed', 'Timeout', 'Survived', 'NoCoverage'] });
  expect(scoreOf(r, 'validation rules')).toEqual({
    group: 'validation rules',
    detected: 2,
    valid: 4,
    score: 50,
  });
});

test('compile errors, runtime errors and ignored mutants do not count', () => {
  const r = report({ 'charts/pgbouncer/ini.ts': ['Killed', 'CompileError', 'RuntimeError', 'Ignored'] });
  expect(scoreOf(r, 'ini renderer')).toEqual({ group: 'ini renderer', detected: 1, valid: 1, score: 100 });
});

test('each file counts in its own group only', () => {
  const r = report({
    'policy/rules/rds/multi-az.ts': ['Killed', 'Survived'],
    'policy/rule.ts': ['Killed'],
    'environments/access-plan.ts': ['Survived'],
    'stacks/database-access.ts': ['Killed'],
  });
  expect(groupScores(r).map((s) => [s.group, s.detected, s.valid])).toEqual([
    ['validation rules', 0, 0],
    ['policy rules', 2, 3],
    ['ini renderer', 0, 0],
    ['access model', 1, 2],
  ]);
});

test('no file can belong to two groups: no prefix starts a prefix of another group', () => {
  const owned = MUTATION_GROUPS.flatMap(({ group, prefixes }) =>
    prefixes.map((prefix) => ({ group, prefix })),
  );
  const overlapping = owned.filter((a) =>
    owned.some((b) => a.group !== b.group && b.prefix.startsWith(a.prefix)),
  );
  expect(overlapping).toEqual([]);
});

test('a group with no mutant has no score (a run restricted with --mutate)', () => {
  expect(scoreOf(report({}), 'access model')?.score).toBeNaN();
});

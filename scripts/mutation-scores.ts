/**
 * Mutation scores per module group, from Stryker's JSON report (mutation-testing-report-schema).
 */

/** The part of Stryker's report read here. */
export interface MutationReport {
  readonly files: Readonly<Record<string, { readonly mutants: readonly { readonly status: string }[] }>>;
}

export interface GroupScore {
  readonly group: string;
  readonly detected: number;
  /** Mutants that count: detected + survived + not covered (compile and runtime errors, ignored ones do not). */
  readonly valid: number;
  /** detected / valid in percent; NaN when no mutant counts. */
  readonly score: number;
}

/** The module groups whose score docs/testing.md quotes; a file belongs to the group whose prefix it starts with. */
export const MUTATION_GROUPS: readonly { readonly group: string; readonly prefixes: readonly string[] }[] = [
  { group: 'validation rules', prefixes: ['environments/rules/'] },
  { group: 'policy rules', prefixes: ['policy/'] },
  { group: 'ini renderer', prefixes: ['charts/pgbouncer/ini.ts'] },
  {
    group: 'access model',
    prefixes: ['environments/access-plan.ts', 'stacks/database-access.ts', 'constructs/serialized-grants.ts'],
  },
];

const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];

export function groupScores(report: MutationReport): GroupScore[] {
  return MUTATION_GROUPS.map(({ group, prefixes }) => {
    const statuses = Object.entries(report.files)
      .filter(([file]) => prefixes.some((p) => file.startsWith(p)))
      .flatMap(([, { mutants }]) => mutants.map((m) => m.status));
    const detected = statuses.filter((s) => DETECTED.includes(s)).length;
    const valid = detected + statuses.filter((s) => UNDETECTED.includes(s)).length;
    return { group, detected, valid, score: (100 * detected) / valid };
  });
}

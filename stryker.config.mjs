/**
 * Mutation testing (`npm run test:mutation`, scripts/mutation.ts): StrykerJS plants small faults in the validation
 * rules, the policy rules, the pgbouncer.ini renderer and the access model, and checks that a test fails for each.
 *
 * The tests are the jest files listed below, run by Stryker's mocha runner: mocha loads them once per worker and
 * re-runs only the tests covering each mutant (mutants are switched on at run time, not by reloading). Stryker's jest
 * runner starts a jest run per mutant, and jest loads every test file and its modules afresh: 1 s per mutant with
 * its related-tests mode, 0.2–0.4 s when only the covering files ran — a full run would take 35 min to 2 h on two
 * cores, against 12 min here. test/support/mutation/ gives mocha the jest globals these files use and compiles
 * TypeScript with the project's swc; the dry run checks every test passes under it (the same 2,286 tests as jest).
 *
 * Also keeping a run short:
 * - per-test coverage: each mutant runs only the tests that executed its line, stopping at the first failure. The
 *   modules do no work when imported (policy rules read their spec on use, validation rules keep their constants
 *   inside the rule), so only a rule's id and spec thunk are "static" (run with every test, in a fresh worker);
 * - the policy tests read the stacks synthesized by the dry run (see test/policy/support.ts);
 * - incremental mode: a mutant whose code and covering tests did not change keeps its last result. The file
 *   (reports/stryker-incremental.json) is git-ignored: a fresh clone runs everything once.
 */
export default {
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner'],
  mutate: [
    'environments/rules/*.ts',
    'environments/rules/local/*.ts',
    'policy/rule.ts',
    'policy/aws.ts',
    'policy/kubernetes.ts',
    'policy/postgresql.ts',
    'policy/pgbouncer-ini.ts',
    'policy/s3.ts',
    'policy/redis.ts',
    'policy/waivers.ts',
    'policy/rules/**/*.ts',
    'charts/pgbouncer/ini.ts',
    'environments/access-plan.ts',
    'stacks/database-access.ts',
    'constructs/serialized-grants.ts',
  ],
  coverageAnalysis: 'perTest',
  mochaOptions: {
    spec: [
      'test/validation.test.ts',
      'test/validation-formats.test.ts',
      'test/validation-edges.test.ts',
      'test/local-validation.test.ts',
      'test/policy/*.test.ts',
      'test/pgbouncer-ini.test.ts',
      'test/database-access.test.ts',
    ],
    require: ['./test/support/mutation/register-typescript.js', './test/support/mutation/jest-interface.js'],
    'no-package': true,
    'no-config': true,
  },
  ignorePatterns: [
    'dist',
    'cdktf.out',
    'coverage',
    'review-report',
    'reports',
    '.terraform',
    '.stryker-tmp*',
  ],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportMutants: false, reportTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: 80 },
  concurrency: 2,
  // Generous: the machine is shared; an infinite loop is still caught by Stryker's hit counter.
  timeoutMS: 15000,
  tempDirName: '.stryker-tmp',
  // The dry run synthesizes the environments once (seconds); leave room for a busy machine.
  dryRunTimeoutMinutes: 5,
};

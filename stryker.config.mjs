/**
 * Mutation testing (`npm run test:mutation`, scripts/mutation.ts): StrykerJS plants small faults in the validation
 * rules, the policy rules, the pgbouncer.ini renderer and the access model, and checks that a test fails for each.
 *
 * The jest test files below run under Stryker's mocha runner, which loads them once per worker and re-runs only the
 * tests covering each mutant; Stryker's jest runner reloads every related file per mutant, too slow for a full run
 * on two cores (docs/testing.md, "Mutation testing", has the figures). test/support/mutation/ gives mocha the jest globals.
 * The modules do no work when imported, so few mutants need a fresh worker; the policy tests read the stacks the
 * dry run synthesized (test/policy/support.ts); incremental mode keeps results whose code and test files did not
 * change (reports/stryker-incremental.json, git-ignored).
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
      'test/validation-connection-budget.test.ts',
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

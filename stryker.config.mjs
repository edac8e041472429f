/**
 * Mutation testing (`npm run test:mutation`, scripts/mutation.ts): StrykerJS plants small faults in the validation
 * rules, the policy rules, the pgbouncer.ini renderer and the access model, and checks that a test fails for each.
 *
 * What keeps a full run short on two cores:
 * - per-test coverage: each mutant runs only the tests that executed its line. Those modules do no work when they
 *   are imported (policy rules read their spec on use, validation rules keep their constants inside the rule), and
 *   the tests below compute inside `test()`, never at file level, so no mutant is "static" (re-run by every test);
 * - a suite of light test files that test those modules directly (no cdktf loaded, except for the access layer);
 *   the policy tests read the stacks synthesized by the dry run (see test/policy/support.ts);
 * - incremental mode: a mutant whose code and covering tests did not change keeps its last result. The file
 *   (reports/stryker-incremental.json) is git-ignored: a fresh clone runs everything once.
 */
export default {
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
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
  jest: {
    configFile: 'jest.config.js',
    enableFindRelatedTests: true,
    config: {
      // findRelatedTests follows imports through every directory, not only test/.
      roots: ['<rootDir>'],
      testMatch: [
        '<rootDir>/test/validation.test.ts',
        '<rootDir>/test/validation-formats.test.ts',
        '<rootDir>/test/validation-edges.test.ts',
        '<rootDir>/test/local-validation.test.ts',
        '<rootDir>/test/policy/*.test.ts',
        '<rootDir>/test/pgbouncer-ini.test.ts',
        '<rootDir>/test/database-access.test.ts',
      ],
      // cdktf's matchers are not used by this suite; loading cdktf costs every mutant run a third of a second.
      setupFilesAfterEnv: [],
      modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/cdktf.out/', '<rootDir>/reports/'],
    },
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
  // The dry run synthesizes both environments once; leave room for a busy machine.
  dryRunTimeoutMinutes: 15,
};

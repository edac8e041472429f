/** Jest: swc transpiles TypeScript without type-checking (that is `npm run typecheck`'s job). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  setupFilesAfterEnv: ['<rootDir>/test/setup.js'],
  // Builds the PgBouncer the shipped pgbouncer.ini is rendered for, once, before the workers start.
  globalSetup: '<rootDir>/test/global-setup.ts',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Suites marked `@slow` first, so a fresh clone without jest's timing cache keeps every worker busy to the end.
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.js',
  testTimeout: 30000,
  // One worker per core for the CPU-bound unit suites; `npm run test:integration` runs 4, since those suites mostly
  // wait on terraform, PostgreSQL and PgBouncer (docs/test-performance.md).
  maxWorkers: '100%',
};

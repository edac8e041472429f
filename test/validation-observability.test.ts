/**
 * Config validation of observability: recipients, alarm policy, Prometheus scraper, exporters and the monitoring
 * role. Each rule's failing cases are in support/validation-cases.ts (run by validation.test.ts); here, the budget
 * arithmetic and that nothing is synthesized.
 */
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { CONNECTION_BUDGET_FIELD } from '../environments/rules/connection-budget';
import { validateEnvironments } from '../environments/validate';
import { ConfigValidationError } from '../environments/validation';
import { createPlatformApp } from '../stacks/platform-app';
import { withChange } from './support/synth';

test('the budget error counts the monitoring role next to the pools', () => {
  const tight = withChange(dev, (e) => (e.cluster.pgbouncer.connectionHeadroom = 16));
  const failure = validateEnvironments([tight]).find((f) => f.field === CONNECTION_BUDGET_FIELD);
  expect(failure?.allowed).toMatch(
    /at most 49 server connections = .* − cluster\.pgbouncer\.connectionHeadroom 16; needed: cluster\.pgbouncer\.replicas 2 × .* \+ databaseAccess\.monitoringRole\.connectionLimit 3 = 59$/,
  );
});

test('the registered environments pass every observability rule', () => {
  expect(validateEnvironments([dev, prod])).toEqual([]);
});

test('nothing is synthesized when the alerts would reach nobody', () => {
  const silent = withChange(prod, (e) => (e.observability.recipients.emails = []));
  expect(() => createPlatformApp([dev, silent])).toThrow(ConfigValidationError);
});

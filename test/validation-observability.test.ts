/**
 * Config validation of observability: recipients, alarm policy, Prometheus scraper, exporters and the monitoring
 * role. Each rule's failing cases are in support/validation-cases.ts (run by validation.test.ts); here, the budget
 * arithmetic and that nothing is synthesized.
 */
import { connectionBudgetOf } from '../environments/connection-budget';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { CONNECTION_BUDGET_FIELD } from '../environments/rules/connection-budget';
import { validateEnvironments } from '../environments/validate';
import { ConfigValidationError } from '../environments/validation';
import { createPlatformApp } from '../stacks/platform-app';
import { withChange } from './support/synth';

test('the budget error counts the monitoring role next to the pools', () => {
  const { needed, available } = connectionBudgetOf(dev);
  const headroom = dev.cluster.pgbouncer.connectionHeadroom + available - needed + 1; // one connection short
  const tight = withChange(dev, (e) => (e.cluster.pgbouncer.connectionHeadroom = headroom));
  const failure = validateEnvironments([tight]).find((f) => f.field === CONNECTION_BUDGET_FIELD);
  expect(failure?.allowed).toContain(
    `at most ${needed - 1} server connections = database.parameters.maxConnections ${dev.database.parameters.maxConnections} `,
  );
  expect(failure?.allowed).toContain(`− cluster.pgbouncer.connectionHeadroom ${headroom}; needed: `);
  expect(failure?.allowed).toMatch(
    new RegExp(
      `\\+ databaseAccess\\.monitoringRole\\.connectionLimit ${dev.databaseAccess.monitoringRole.connectionLimit} = ${needed}$`,
    ),
  );
});

test('the registered environments pass every observability rule', () => {
  expect(validateEnvironments([dev, prod])).toEqual([]);
});

test('nothing is synthesized when the alerts would reach nobody', () => {
  const silent = withChange(prod, (e) => (e.observability.recipients.emails = []));
  expect(() => createPlatformApp([dev, silent])).toThrow(ConfigValidationError);
});

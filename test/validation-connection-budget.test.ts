/**
 * One budget, one error: a change that breaks the connection budget gets exactly one failure, the budget's, whose
 * arithmetic names the changed field once — never a failure on an input nobody touched (a session pool, the
 * monitoring role's limit, a login role's limit beside a raised pool). Each input of every registered environment
 * is moved to the first value that breaks the budget, and the whole validation runs.
 */
import type { EnvironmentConfig } from '../environments/config';
import { environments } from '../environments';
import { connectionBudgetOf } from '../environments/connection-budget';
import { CONNECTION_BUDGET_FIELD } from '../environments/rules/connection-budget';
import { validateEnvironments } from '../environments/validate';
import { formatFailure } from '../environments/validation';
import { waiverRules } from '../policy/waivers';
import { withChange, type Writable } from './support/with-change';

type Input = [
  field: string,
  read: (e: Writable<EnvironmentConfig>) => { value: number; set(n: number): void },
];

const pgbouncer = (
  key: 'defaultPoolSize' | 'reservePoolSize' | 'sessionPoolSize' | 'replicas' | 'connectionHeadroom',
): Input => [
  `cluster.pgbouncer.${key}`,
  (e) => ({ value: e.cluster.pgbouncer[key], set: (n) => (e.cluster.pgbouncer[key] = n) }),
];

/** Budget inputs a change raises; max_connections is lowered. */
const RAISED: readonly Input[] = [
  pgbouncer('defaultPoolSize'),
  pgbouncer('reservePoolSize'),
  pgbouncer('sessionPoolSize'),
  pgbouncer('replicas'),
  pgbouncer('connectionHeadroom'),
  [
    'databaseAccess.monitoringRole.connectionLimit',
    (e) => ({
      value: e.databaseAccess.monitoringRole.connectionLimit,
      set: (n) => (e.databaseAccess.monitoringRole.connectionLimit = n),
    }),
  ],
];
const LOWERED: Input = [
  'database.parameters.maxConnections',
  (e) => ({
    value: e.database.parameters.maxConnections,
    set: (n) => (e.database.parameters.maxConnections = n),
  }),
];

/** `env` with `input` moved, one step at a time, to the first value where the budget no longer fits. */
function firstBreaking(env: EnvironmentConfig, [, read]: Input, step: 1 | -1): EnvironmentConfig {
  for (let delta = 1; delta < 1000; delta++) {
    const changed = withChange(env, (e) => read(e).set(read(e).value + step * delta));
    if (!connectionBudgetOf(changed).fits) return changed;
  }
  throw new Error('the budget never broke');
}

const occurrences = (text: string, field: string) => text.split(field).length - 1;

describe.each(environments.map((env) => [env.name, env] as const))('%s', (_name, env) => {
  test.each([...RAISED.map((input) => [input[0], input, 1] as const), [LOWERED[0], LOWERED, -1] as const])(
    '%s moved past the budget: one error, the budget’s, naming it once',
    (field, input, step) => {
      const changed = firstBreaking(env, input, step);
      const registry = environments.map((e) => (e.name === env.name ? changed : e));
      const failures = validateEnvironments(registry, undefined, waiverRules);
      // The changed field may also leave its own range (prod's monitoring role breaks the budget only past 10).
      // More PgBouncer replicas also need room in their namespace's quota: that failure is the quota's own.
      const budget = failures.filter(
        (f) => f.field !== field && !(field.endsWith('.replicas') && f.field.includes('.quota.')),
      );
      expect(budget.map((f) => f.field)).toEqual([CONNECTION_BUDGET_FIELD]);
      const text = formatFailure(budget[0]);
      expect(occurrences(text, `${field} `)).toBe(1);
      expect(text).toMatch(/= \d+$|cannot fill them$/);
    },
  );
});

test('raising prod’s pool past the budget blames neither the session pool nor the monitoring role', () => {
  const prod = environments.find((e) => e.tier === 'production')!;
  const raised = firstBreaking(prod, pgbouncer('defaultPoolSize'), 1);
  const fields = validateEnvironments(
    environments.map((e) => (e.name === prod.name ? raised : e)),
    undefined,
    waiverRules,
  ).map((f) => f.field);
  expect(fields).not.toContain('cluster.pgbouncer.sessionPoolSize');
  expect(fields).not.toContain('databaseAccess.monitoringRole.connectionLimit');
  expect(fields).toEqual([CONNECTION_BUDGET_FIELD]);
});

/**
 * The connection budget, one rule and at most one error: PgBouncer's pools (every login role's transaction and
 * session pool, on every replica) and the monitoring role's direct connections within what the instance offers
 * (max_connections − superuser-reserved − operators' headroom), and each login role's connection limit holding its
 * own pools. Any of its inputs can break it, and validation cannot know which one the change moved, so no input is
 * blamed: the error is the budget's, and its arithmetic names every input field, with its value, exactly once.
 */
import { RDS_RESERVED_CONNECTIONS } from '../../constructs/rds-instance-classes';
import type { EnvironmentConfig } from '../config';
import { connectionBudgetOf } from '../connection-budget';
import { products } from '../products';
import { writtenField } from '../products/written-field';
import type { EnvironmentRule } from '../validation';
import { isIntegerIn } from './formats';

/** The field every connection-budget failure is reported on: the budget, not one of its inputs. */
export const CONNECTION_BUDGET_FIELD = '(connection budget)';

/** Each input is an integer its own rule bounds; otherwise that rule reports it and the sum means nothing. */
function inputsValid({ cluster: { pgbouncer: pg }, database, databaseAccess }: EnvironmentConfig): boolean {
  return (
    isIntegerIn(database.parameters.maxConnections, 1, 262143) &&
    isIntegerIn(pg.replicas, 1, 20) &&
    [pg.defaultPoolSize, pg.reservePoolSize, pg.sessionPoolSize, pg.connectionHeadroom].every((n) =>
      isIntegerIn(n, 0, 262143),
    ) &&
    isIntegerIn(databaseAccess.monitoringRole.connectionLimit, 0, 262143) &&
    databaseAccess.roles.every((r) => !r.login || isIntegerIn(r.connectionLimit, 0, 262143))
  );
}

/** A login role as the budget names it: with the `products` entry that made it log in, when a product's. */
function loginNamed(env: EnvironmentConfig, role: string): string {
  const product = products.find((p) => p.role === role);
  return product && env.products[product.key]?.status === 'live'
    ? `${role} of products.${product.key}.status 'live'`
    : role;
}

/** `available = …; needed = …`, each input field named once with its value. */
function arithmetic(env: EnvironmentConfig, needed: number, available: number): string {
  const pg = env.cluster.pgbouncer;
  const logins = env.databaseAccess.roles.filter((r) => r.login).map((r) => loginNamed(env, r.name));
  return (
    `at most ${available} server connections = database.parameters.maxConnections ${env.database.parameters.maxConnections} ` +
    `− ${RDS_RESERVED_CONNECTIONS} superuser-reserved − cluster.pgbouncer.connectionHeadroom ${pg.connectionHeadroom}; ` +
    `needed: cluster.pgbouncer.replicas ${pg.replicas} × ${logins.length} login roles (${logins.join(', ')}) × ` +
    `(cluster.pgbouncer.defaultPoolSize ${pg.defaultPoolSize} + cluster.pgbouncer.reservePoolSize ${pg.reservePoolSize} ` +
    `+ cluster.pgbouncer.sessionPoolSize ${pg.sessionPoolSize}) + databaseAccess.monitoringRole.connectionLimit ` +
    `${env.databaseAccess.monitoringRole.connectionLimit} = ${needed}`
  );
}

/**
 * The login roles whose connection limit is below their own pools on every replica, as `field value (names)`: one
 * entry per field written (roles sharing `productSizes.connectionLimit` are named together).
 */
function rolesBelowPools(env: EnvironmentConfig, perRole: number): string[] {
  const short = new Map<string, string[]>();
  env.databaseAccess.roles.forEach((role, i) => {
    if (!role.login || role.connectionLimit >= perRole) return;
    const field = `${writtenField(env, `databaseAccess.roles[${i}].connectionLimit`)} ${role.connectionLimit}`;
    short.set(field, [...(short.get(field) ?? []), role.name]);
  });
  return [...short].map(([field, names]) => `${field} (${names.join(', ')})`);
}

/**
 * The login roles' connection limits (the monitoring role's included) against what the instance offers them, or
 * undefined when they fit: however PgBouncer is set, the roles together can never take the superusers' slots.
 */
function limitsOverInstance(env: EnvironmentConfig): string | undefined {
  const offered = env.database.parameters.maxConnections - RDS_RESERVED_CONNECTIONS;
  const logins = [
    ...env.databaseAccess.roles.flatMap((r) => (r.login ? [r] : [])),
    env.databaseAccess.monitoringRole,
  ];
  const sum = logins.reduce((total, r) => total + r.connectionLimit, 0);
  if (sum <= offered) return undefined;
  return (
    `; and the login roles' connection limits at most what the instance offers them (max_connections − ` +
    `${RDS_RESERVED_CONNECTIONS} = ${offered}): ${logins.map((r) => `${r.name} ${r.connectionLimit}`).join(' + ')} = ${sum}`
  );
}

/** The budget's value in an error: what is needed against what is available, and which limits are short. */
export function budgetSummary(env: EnvironmentConfig): string {
  const pg = env.cluster.pgbouncer;
  const { needed, available } = connectionBudgetOf(env);
  const perRole = pg.replicas * (pg.defaultPoolSize + pg.reservePoolSize + pg.sessionPoolSize);
  return (
    `${needed} server connections needed, ${available} available` +
    (rolesBelowPools(env, perRole).length > 0
      ? `; ${perRole} per login role, above its connection limit`
      : '') +
    (limitsOverInstance(env) ? '; connection limits above the instance' : '')
  );
}

export const connectionBudgetRules: readonly EnvironmentRule[] = [
  (env, c) => {
    if (!inputsValid(env)) return;
    const pg = env.cluster.pgbouncer;
    const { needed, available, fits } = connectionBudgetOf(env);
    const perRole = pg.replicas * (pg.defaultPoolSize + pg.reservePoolSize + pg.sessionPoolSize);
    const short = rolesBelowPools(env, perRole);
    const rolesPart =
      short.length > 0
        ? `; and each login role's connection limit at least its pools on every replica, ${pg.replicas} × ` +
          `${perRole / pg.replicas} = ${perRole}: ${short.join(', ')} cannot fill them`
        : '';
    const limitsPart = limitsOverInstance(env);
    c.check(
      CONNECTION_BUDGET_FIELD,
      budgetSummary(env),
      fits && short.length === 0 && limitsPart === undefined,
      `${arithmetic(env, needed, available)}${rolesPart}${limitsPart ?? ''}`,
    );
  },
];

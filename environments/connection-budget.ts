/**
 * An environment's PgBouncer connection budget, from its config: the validation rule and the review report read the
 * same arithmetic.
 */
import { connectionBudget, type ConnectionBudget } from '../constructs/connection-budget';
import type { EnvironmentConfig } from './config';

export function connectionBudgetOf({
  cluster,
  database,
  databaseAccess,
}: EnvironmentConfig): ConnectionBudget {
  const pg = cluster.pgbouncer;
  return connectionBudget({
    replicas: pg.replicas,
    pools: databaseAccess.roles.flatMap((r) =>
      r.login ? [{ name: r.name, poolSize: pg.defaultPoolSize, reserve: pg.reservePoolSize }] : [],
    ),
    maxConnections: database.parameters.maxConnections,
    headroom: pg.connectionHeadroom,
  });
}

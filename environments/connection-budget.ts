/**
 * An environment's PgBouncer connection budget, from its config: the validation rule and the review report read the
 * same arithmetic. Each login role has a transaction pool (pool + reserve) and a session-path pool (no reserve).
 */
import { connectionBudget, type ConnectionBudget } from '../constructs/connection-budget';
import type { EnvironmentConfig } from './config';

/** @param withSession count the session path's pools (default); off only to tell which pools break a budget */
export function connectionBudgetOf(
  { cluster, database, databaseAccess }: EnvironmentConfig,
  withSession = true,
): ConnectionBudget {
  const pg = cluster.pgbouncer;
  return connectionBudget({
    replicas: pg.replicas,
    pools: databaseAccess.roles.flatMap((r) =>
      r.login
        ? [
            { name: r.name, poolSize: pg.defaultPoolSize, reserve: pg.reservePoolSize },
            ...(withSession ? [{ name: `${r.name} session`, poolSize: pg.sessionPoolSize, reserve: 0 }] : []),
          ]
        : [],
    ),
    maxConnections: database.parameters.maxConnections,
    headroom: pg.connectionHeadroom,
  });
}

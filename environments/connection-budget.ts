/**
 * An environment's connection budget, from its config: PgBouncer's pools (transaction and session path) and the
 * monitoring role's direct connections against the pinned max_connections. The validation rules, the review report
 * and the alarms read the same arithmetic (constructs/connection-budget.ts), as does the cluster layer.
 */
import { poolerConnectionBudget, type ConnectionBudget } from '../constructs/connection-budget';
import type { EnvironmentConfig } from './config';

/** @param withSession count the session path's pools (default); off only to tell which pools break a budget */
export function connectionBudgetOf(
  { cluster, database, databaseAccess }: EnvironmentConfig,
  withSession = true,
): ConnectionBudget {
  const pg = cluster.pgbouncer;
  return poolerConnectionBudget({
    replicas: pg.replicas,
    defaultPoolSize: pg.defaultPoolSize,
    reservePoolSize: pg.reservePoolSize,
    ...(withSession ? { sessionPoolSize: pg.sessionPoolSize } : {}),
    headroom: pg.connectionHeadroom,
    pooledRoles: databaseAccess.roles.flatMap((r) => (r.login ? [r.name] : [])),
    monitoring: databaseAccess.monitoringRole,
    maxConnections: database.parameters.maxConnections,
  });
}

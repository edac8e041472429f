/**
 * An environment's connection budget, from its config: PgBouncer's pools (transaction and session path) and the
 * monitoring role's direct connections against the pinned max_connections. The validation rules, the review report
 * and the alarms read the same arithmetic (constructs/connection-budget.ts), as does the cluster layer.
 */
import { poolerConnectionBudget, type ConnectionBudget } from '../constructs/connection-budget';
import type { EnvironmentConfig } from './config';

export function connectionBudgetOf({
  cluster,
  database,
  databaseAccess,
}: EnvironmentConfig): ConnectionBudget {
  const pg = cluster.pgbouncer;
  return poolerConnectionBudget({
    replicas: pg.replicas,
    defaultPoolSize: pg.defaultPoolSize,
    reservePoolSize: pg.reservePoolSize,
    sessionPoolSize: pg.sessionPoolSize,
    headroom: pg.connectionHeadroom,
    pooledRoles: databaseAccess.roles.flatMap((r) => (r.login ? [r.name] : [])),
    monitoring: databaseAccess.monitoringRole,
    maxConnections: database.parameters.maxConnections,
  });
}

/**
 * An environment's connection budget, from its config: PgBouncer's pools and the monitoring role's direct
 * connections against the pinned max_connections. The validation rules, the review report and the alarms read the
 * same arithmetic.
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
    headroom: pg.connectionHeadroom,
    pooledRoles: databaseAccess.roles.flatMap((r) => (r.login ? [r.name] : [])),
    monitoring: databaseAccess.monitoringRole,
    maxConnections: database.parameters.maxConnections,
  });
}

/**
 * The local PgBouncer: pgbouncer.ini from the chart's renderer with the environment's pool settings, pointed at the
 * local PostgreSQL, and the userlist with the local passwords. What differs from the cluster's file, and why:
 *   [databases] host, port   the `postgres` service of the compose file instead of the RDS endpoint (both the
 *                            transaction path and the session path `<database>_session`)
 *   server_tls_sslmode       disable: the local server has no certificate; the hop stays on the compose network
 * test/local-pgbouncer.test.ts holds the two files to exactly these differences.
 */
import { renderPgBouncerIni, renderUserlist } from '../charts/pgbouncer/ini';
import {
  PGBOUNCER_CONSOLE_USERS,
  PGBOUNCER_CONTAINER_PORT,
  pgbouncerIniOptions,
} from '../charts/pgbouncer/ini-options';
import { pooledRoles, type AccessPlan } from '../environments/access-plan';
import type { EnvironmentConfig } from '../environments/config';
import { credential, CREDENTIAL, type Credentials } from './credentials';

export function localPgBouncerIni(
  env: EnvironmentConfig,
  plan: AccessPlan,
  server: { readonly host: string; readonly port: number },
): string {
  const pg = env.cluster.pgbouncer;
  return renderPgBouncerIni(
    pgbouncerIniOptions({
      version: pg.version,
      listenPort: PGBOUNCER_CONTAINER_PORT,
      server: { ...server, database: plan.database, sslMode: 'disable' },
      users: pooledRoles(plan).map((r) => r.name),
      defaultPoolSize: pg.defaultPoolSize,
      reservePoolSize: pg.reservePoolSize,
      sessionPoolSize: pg.sessionPoolSize,
      reservePoolTimeoutSeconds: pg.reservePoolTimeoutSeconds,
      maxClientConnections: pg.maxClientConnections,
      queryWaitTimeoutSeconds: pg.queryWaitTimeoutSeconds,
    }),
  );
}

/** The pooled login roles and the console users with their local passwords, as PgBouncer's auth_file wants them. */
export function localUserlist(plan: AccessPlan, credentials: Credentials): string {
  return renderUserlist([
    ...pooledRoles(plan).map((r) => ({
      name: r.name,
      password: credential(credentials, CREDENTIAL.rolePassword(r.name)),
    })),
    ...Object.values(PGBOUNCER_CONSOLE_USERS).map((name) => ({
      name,
      password: credential(credentials, CREDENTIAL.consolePassword(name)),
    })),
  ]);
}

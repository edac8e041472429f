/**
 * What pgbouncer.ini says for a set of pools, worked out once for the chart (the cluster) and the local compose file:
 * one database entry, each user capped at pool + reserve, the database at their sum, console users, the startup
 * parameters to ignore, and where the pod (or container) finds its files.
 */
import type { IniDatabase, PgBouncerIniOptions } from './ini';

/** Where the chart mounts pgbouncer.ini (ConfigMap) and the userlist (Secret); the local container mounts the same. */
export const PGBOUNCER_CONFIG_DIR = '/etc/pgbouncer';
export const PGBOUNCER_AUTH_DIR = '/etc/pgbouncer-auth';
/** Port PgBouncer listens on in its container. */
export const PGBOUNCER_CONTAINER_PORT = 6432;

/** PgBouncer-only users of its admin console: SHOW/RELOAD/PAUSE (admin) and SHOW (stats, for the exporter). */
export const PGBOUNCER_CONSOLE_USERS = { admin: 'pgbouncer_admin', stats: 'pgbouncer_stats' } as const;

/**
 * Startup parameters clients send that PgBouncer should accept and ignore: Django passes `options`
 * (`-c search_path=…`, which the role's own search_path makes unnecessary), JDBC-style drivers `extra_float_digits`.
 */
export const DEFAULT_IGNORE_STARTUP_PARAMETERS: readonly string[] = ['extra_float_digits', 'options'];

export interface PgBouncerPools {
  /** PgBouncer version the ini is rendered for. */
  readonly version: string;
  readonly listenPort: number;
  /** The server PgBouncer forwards to; clients connect to a database of the same name. */
  readonly server: {
    readonly host: string;
    readonly port: number;
    readonly database: string;
    readonly sslMode: PgBouncerIniOptions['serverTlsSslMode'];
    /** Path of the CA bundle inside the container, for verify-ca/verify-full. @default - none */
    readonly caFile?: string;
  };
  /** Login roles, one pool each. */
  readonly users: readonly string[];
  readonly defaultPoolSize: number;
  readonly reservePoolSize: number;
  /**
   * The session path: database `<server.database>_session`, session pooling, this many server connections per user,
   * no reserve; counted in each user's max_user_connections.
   *
   * @default - none: transaction pooling only
   */
  readonly sessionPoolSize?: number;
  readonly reservePoolTimeoutSeconds: number;
  readonly maxClientConnections: number;
  readonly queryWaitTimeoutSeconds: number;
  /** @default DEFAULT_IGNORE_STARTUP_PARAMETERS */
  readonly ignoreStartupParameters?: readonly string[];
}

/** The database clients name to take the session path. */
export const sessionDatabaseName = (database: string): string => `${database}_session`;

/** The session path's [databases] entry: same server and database, its own session-pooled pools. */
function sessionPath(p: PgBouncerPools): IniDatabase[] {
  if (p.sessionPoolSize === undefined) return [];
  const { host, port, database } = p.server;
  const poolSize = p.sessionPoolSize;
  return [
    {
      name: sessionDatabaseName(database),
      host,
      port,
      dbname: database,
      pool: { poolMode: 'session', poolSize, reservePool: 0, maxDbConnections: poolSize * p.users.length },
    },
  ];
}

export function pgbouncerIniOptions(p: PgBouncerPools): PgBouncerIniOptions {
  const perUser = p.defaultPoolSize + p.reservePoolSize;
  const { host, port, database, sslMode, caFile } = p.server;
  return {
    version: p.version,
    listenAddress: '0.0.0.0',
    listenPort: p.listenPort,
    databases: [{ name: database, host, port, dbname: database }, ...sessionPath(p)],
    authFile: `${PGBOUNCER_AUTH_DIR}/userlist.txt`,
    defaultPoolSize: p.defaultPoolSize,
    reservePoolSize: p.reservePoolSize,
    reservePoolTimeoutSeconds: p.reservePoolTimeoutSeconds,
    maxClientConnections: p.maxClientConnections,
    queryWaitTimeoutSeconds: p.queryWaitTimeoutSeconds,
    maxDbConnections: perUser * p.users.length,
    users: p.users.map((name) => ({ name, maxConnections: perUser + (p.sessionPoolSize ?? 0) })),
    serverTlsSslMode: sslMode,
    ...(caFile ? { serverTlsCaFile: caFile } : {}),
    ignoreStartupParameters: p.ignoreStartupParameters ?? DEFAULT_IGNORE_STARTUP_PARAMETERS,
    adminUsers: [PGBOUNCER_CONSOLE_USERS.admin],
    statsUsers: [PGBOUNCER_CONSOLE_USERS.stats],
  };
}

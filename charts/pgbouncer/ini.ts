/**
 * Renders pgbouncer.ini for a given PgBouncer version: settings the version does not know are left out (PgBouncer
 * refuses to start on an unknown key), everything else is written explicitly so reviewers see it.
 *
 * Version facts from pgbouncer/pgbouncer doc/config.md at each release tag:
 *   max_prepared_statements   1.21.0+ (protocol-level prepared statements in transaction mode)
 *   [users] pool_size         1.23.0+ (not used: the per-user cap max_user_connections works on every version)
 *   scram-sha-256 auth_type   1.14.0+
 *   SIGTERM                   1.23.0+ waits for every client to disconnect (SHUTDOWN WAIT_FOR_CLIENTS) and closes the
 *                             listening socket at once; before, it shut down immediately (NEWS.md 1.23.0, doc/usage.md
 *                             "Signals"). The chart's rollout relies on it.
 * Nothing PgBouncer 1.25 added changes what is written here (NEWS.md 1.25.0–1.25.2: new settings only, defaults off,
 * except query_wait_notify, a NOTICE after 5 s in the queue, kept).
 *
 * Fault settings (doc/config.md 1.25.2), written for every version (all exist since 1.13):
 *   server_login_retry 1       after the database comes back, serve again within a second (default 15 s; while the
 *                              server is down, clients that ask for a new server fail at once, see check_fast_fail)
 *   server_connect_timeout 5   a failed-over endpoint that drops packets costs 5 s per attempt, not 15
 *   dns_max_ttl 5              follow the RDS endpoint's CNAME to the new primary within 5 s of a Multi-AZ failover
 *                              (the TTL AWS recommends for its endpoints, AWS SDK for Java guide "JVM TTL for DNS")
 *   tcp_keepidle/intvl/cnt,    a server or client that vanished without a FIN (failover, node loss) is dropped
 *   tcp_user_timeout           within about a minute instead of the kernel's two hours
 *   query_wait_timeout         from config: a saturated pool or a down server fails a waiting client with a clear
 *                              error instead of hanging it
 *   listen_backlog             max_client_conn (default 128): in a storm the kernel queues every connection attempt,
 *                              so PgBouncer refuses the excess at once instead of the kernel dropping SYNs that
 *                              clients retry for seconds (capped by net.core.somaxconn, 4096 on current kernels)
 */

export const MINIMUM_PGBOUNCER_VERSION = '1.18.0';

export const featureSince = {
  maxPreparedStatements: '1.21.0',
  drainOnSigterm: '1.23.0',
} as const;

export function parseVersion(version: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** True when `version` ≥ `minimum` (both `x.y.z`). */
export function atLeast(version: string, minimum: string): boolean {
  const [a, b] = [parseVersion(version), parseVersion(minimum)];
  if (!a || !b) throw new Error(`not a PgBouncer version: ${!a ? version : minimum}`);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

export interface IniDatabase {
  /** Name clients connect to. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly dbname: string;
  /** This entry's own pooling (the session path), written into its line. @default - the [pgbouncer] settings */
  readonly pool?: DatabasePool;
}

/** Per-database pool settings of a [databases] line (doc/config.md, section [databases]; all exist in 1.18). */
export interface DatabasePool {
  readonly poolMode: 'session' | 'transaction';
  /** Server connections per user pool of this entry. */
  readonly poolSize: number;
  /** Written as `reserve_pool`, the spelling every supported version accepts (1.24 added `reserve_pool_size`). */
  readonly reservePool: number;
  /** Server connections of this entry over all its user pools. */
  readonly maxDbConnections: number;
}

/** A [databases] line: where it goes, then its own pool settings when it has any. */
function databaseLine(d: IniDatabase): [string, string] {
  const pool = d.pool
    ? ` pool_mode=${d.pool.poolMode} pool_size=${d.pool.poolSize} reserve_pool=${d.pool.reservePool} max_db_connections=${d.pool.maxDbConnections}`
    : '';
  return [d.name, `host=${d.host} port=${d.port} dbname=${d.dbname}${pool}`];
}

/**
 * With a session-pooled entry, what a released server connection is reset with is written out: DISCARD ALL (the
 * default, only run in session mode) drops a client's SET, LISTEN, prepared statements and temp tables before the
 * next client gets the connection.
 */
function sessionResetSettings(databases: readonly IniDatabase[]): [string, string | number][] {
  if (!databases.some((d) => d.pool?.poolMode === 'session')) return [];
  return [
    ['server_reset_query', 'DISCARD ALL'],
    ['server_reset_query_always', 0],
  ];
}

export interface PgBouncerIniOptions {
  readonly version: string;
  readonly listenAddress: string;
  readonly listenPort: number;
  readonly databases: readonly IniDatabase[];
  /** Path of the userlist (plain-text passwords: RDS does not expose SCRAM secrets for auth_query). */
  readonly authFile: string;
  readonly defaultPoolSize: number;
  readonly reservePoolSize: number;
  readonly reservePoolTimeoutSeconds: number;
  readonly maxClientConnections: number;
  /** Seconds a client may wait for a server connection before it is disconnected with `query_wait_timeout`. */
  readonly queryWaitTimeoutSeconds: number;
  /** Server connections per database per replica (Σ of its pools). */
  readonly maxDbConnections: number;
  /** Per-user cap on server connections (pool + reserve), so a user never exceeds its share. */
  readonly users: readonly { readonly name: string; readonly maxConnections: number }[];
  readonly serverTlsSslMode: 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
  /** CA bundle path for verify-ca/verify-full. @default - none */
  readonly serverTlsCaFile?: string;
  readonly ignoreStartupParameters: readonly string[];
  readonly adminUsers: readonly string[];
  readonly statsUsers: readonly string[];
  /**
   * Prepared statements tracked per client in transaction mode (PgBouncer ≥ 1.21; left out before).
   *
   * @default 200
   */
  readonly maxPreparedStatements?: number;
}

function section(name: string, entries: readonly [string, string | number][]): string {
  return [`[${name}]`, ...entries.map(([k, v]) => `${k} = ${v}`)].join('\n');
}

export function renderPgBouncerIni(o: PgBouncerIniOptions): string {
  if (!atLeast(o.version, MINIMUM_PGBOUNCER_VERSION)) {
    throw new Error(
      `pgbouncer.version: ${o.version} is not supported; allowed: ${MINIMUM_PGBOUNCER_VERSION} or newer`,
    );
  }
  const tls: [string, string][] = [
    ['server_tls_sslmode', o.serverTlsSslMode],
    ['server_tls_protocols', 'secure'],
    ...(o.serverTlsCaFile ? [['server_tls_ca_file', o.serverTlsCaFile] as [string, string]] : []),
  ];
  const pgbouncer: [string, string | number][] = [
    ['listen_addr', o.listenAddress],
    ['listen_port', o.listenPort],
    // No unix socket, no pid file, logs to stderr: nothing to write on a read-only root filesystem.
    ['unix_socket_dir', ''],
    ['auth_type', 'scram-sha-256'],
    ['auth_file', o.authFile],
    ['admin_users', o.adminUsers.join(',')],
    ['stats_users', o.statsUsers.join(',')],
    ['pool_mode', 'transaction'],
    ...sessionResetSettings(o.databases),
    ['max_client_conn', o.maxClientConnections],
    ['listen_backlog', o.maxClientConnections],
    ['default_pool_size', o.defaultPoolSize],
    ['reserve_pool_size', o.reservePoolSize],
    ['reserve_pool_timeout', o.reservePoolTimeoutSeconds],
    ['max_db_connections', o.maxDbConnections],
    ['ignore_startup_parameters', o.ignoreStartupParameters.join(',')],
    ...(atLeast(o.version, featureSince.maxPreparedStatements)
      ? [['max_prepared_statements', o.maxPreparedStatements ?? 200] as [string, number]]
      : []),
    ['server_idle_timeout', 600],
    ['server_lifetime', 3600],
    ['server_connect_timeout', 5],
    ['server_login_retry', 1],
    ['query_wait_timeout', o.queryWaitTimeoutSeconds],
    ['dns_max_ttl', 5],
    ['tcp_keepalive', 1],
    ['tcp_keepidle', 30],
    ['tcp_keepintvl', 10],
    ['tcp_keepcnt', 3],
    ['tcp_user_timeout', 30000],
    ['log_connections', 1],
    ['log_disconnections', 1],
    ['log_pooler_errors', 1],
    ...tls,
  ];
  return [
    `; pgbouncer.ini for PgBouncer ${o.version}, rendered by charts/pgbouncer/ini.ts`,
    section('databases', o.databases.map(databaseLine)),
    section(
      'users',
      o.users.map((u) => [u.name, `max_user_connections=${u.maxConnections}`]),
    ),
    section('pgbouncer', pgbouncer),
    '',
  ].join('\n\n');
}

/** auth_file lines: `"user" "password"`, a double quote inside a value doubled. */
export function renderUserlist(
  users: readonly { readonly name: string; readonly password: string }[],
): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return users.map((u) => `${quote(u.name)} ${quote(u.password)}\n`).join('');
}

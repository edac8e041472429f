/**
 * The server settings of the environment's PostgreSQL, worked out once: the RDS parameter group (stacks/database.ts)
 * and the local container's `-c` flags (local-dev/postgres.ts) both come from here, so a laptop runs with the same
 * connection limit, timeouts and logging as the cloud.
 */

export interface PostgresParameter {
  readonly name: string;
  readonly value: string;
  /** Takes effect only after a restart (RDS: `pending-reboot`). */
  readonly isStatic: boolean;
}

export interface PostgresParameterInputs {
  readonly logMinDurationStatementMs: number;
  readonly idleInTransactionSessionTimeoutMs: number;
  /** Pinned, not RDS's memory formula: the budget checks and the server then agree on one number. */
  readonly maxConnections: number;
}

const dynamic = (name: string, value: string | number): PostgresParameter => ({
  name,
  value: String(value),
  isStatic: false,
});
const restart = (name: string, value: string | number): PostgresParameter => ({
  ...dynamic(name, value),
  isStatic: true,
});

/** Every setting, `rds.*` ones included (they exist on RDS only). */
export function postgresParameters(p: PostgresParameterInputs): PostgresParameter[] {
  return [
    dynamic('rds.force_ssl', 1),
    dynamic('password_encryption', 'scram-sha-256'),
    dynamic('log_statement', 'ddl'),
    dynamic('log_min_duration_statement', p.logMinDurationStatementMs),
    dynamic('log_connections', 1),
    dynamic('log_disconnections', 1),
    dynamic('idle_in_transaction_session_timeout', p.idleInTransactionSessionTimeoutMs),
    restart('shared_preload_libraries', 'pg_stat_statements'),
    // Utility statements (CREATE/ALTER ROLE, GRANT, SET) stay out of the statistics the monitoring role reads: they
    // carry role secrets (SCRAM verifiers today, plaintext before) and no query worth tuning (docs/data-plane-security.md).
    dynamic('pg_stat_statements.track_utility', 0),
    restart('max_connections', p.maxConnections),
  ];
}

/**
 * Configuration of the RDS PostgreSQL instance (database layer).
 */
import type { DatabaseRestoreConfig } from './database-restore';

export interface DatabaseParameters {
  /**
   * PostgreSQL `max_connections`, pinned in the parameter group (static: applied at the next reboot). At most what
   * the instance class's memory holds (constructs/rds-instance-classes.ts); every connection budget (role limits,
   * PgBouncer pools) is checked against this number, the one the server enforces.
   */
  readonly maxConnections: number;
  /** Statements slower than this are logged (`log_min_duration_statement`, ms). */
  readonly logMinDurationStatementMs: number;
  /** Sessions idle inside a transaction longer than this are ended (`idle_in_transaction_session_timeout`, ms). */
  readonly idleInTransactionSessionTimeoutMs: number;
}

export interface DatabaseConfig {
  /** RDS instance identifier (lowercase letters, digits, hyphens). */
  readonly identifier: string;
  /** The initial database, home of every application schema. */
  readonly databaseName: string;
  /**
   * PostgreSQL engine version: the major `15`, optionally with a minor (`15.14`).
   *
   * The major alone lets RDS apply minor upgrades in the maintenance window without Terraform trying to downgrade
   * afterwards; a full version pins the minor (the plan then shows every upgrade RDS made as drift).
   */
  readonly engineVersion: string;
  /** Instance class, one of the classes in `constructs/rds-instance-classes.ts`. */
  readonly instanceClass: string;
  /** Initial gp3 storage in GiB (≥ 20). */
  readonly allocatedStorageGiB: number;
  /** Ceiling for storage autoscaling in GiB (> allocated). */
  readonly maxAllocatedStorageGiB: number;
  /** RDS refuses to delete the instance while this is on (required in production). */
  readonly deletionProtection: boolean;
  /** Standby in a second availability zone. */
  readonly multiAz: boolean;
  /** Port the database listens on. */
  readonly port: number;
  /** Master user name (not `postgres`, not `admin`); its password is managed by RDS in Secrets Manager. */
  readonly masterUsername: string;
  /** Days automated backups are kept (development ≥ 1, production ≥ 14, at most 35). */
  readonly backupRetentionDays: number;
  /** Daily backup window, UTC, `hh:mm-hh:mm`, at least 30 minutes. */
  readonly backupWindow: string;
  /** Weekly maintenance window, UTC, `ddd:hh:mm-ddd:hh:mm`, at least 30 minutes, not overlapping the backup window. */
  readonly maintenanceWindow: string;
  /** Retention of the exported `postgresql` and `upgrade` logs, in days (a CloudWatch Logs retention value). */
  readonly logRetentionDays: number;
  /** Performance Insights retention in days: 7 (free), 31 × months (1–23) or 731. */
  readonly performanceInsightsRetentionDays: number;
  /** Enhanced monitoring interval in seconds: 1, 5, 10, 15, 30 or 60. */
  readonly monitoringIntervalSeconds: number;
  /** Certificate authority of the server certificate (`rds-ca-rsa2048-g1` or newer). */
  readonly caCertIdentifier: string;
  /** Days before the customer-managed KMS key is deleted after it is scheduled for deletion (7–30). */
  readonly kmsDeletionWindowDays: number;
  readonly parameters: DatabaseParameters;
  /** Create the instance from a snapshot or a point in time (docs/restore-a-database.md). @default - a new, empty instance */
  readonly restore?: DatabaseRestoreConfig;
}

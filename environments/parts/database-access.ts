/**
 * Configuration of the database access layer: who may connect to `lightwave_platform` and what each role may do.
 * Every schema, role, grant and default privilege is derived from this model; nothing is listed by hand.
 */

/** How the operator running `cdktf deploy` reaches the private RDS instance (docs/deploy.md, "Reaching the database"). */
export interface DatabaseConnectionConfig {
  /** Host the postgresql provider connects to: a tunnel's local end (e.g. 127.0.0.1) or a name resolvable in the VPC. */
  readonly host: string;
  readonly port: number;
  /** TLS to the server: `require`, `verify-ca` or `verify-full`. */
  readonly sslMode: 'require' | 'verify-ca' | 'verify-full';
  /** Seconds before giving up on connecting (the provider's default is 180). */
  readonly connectTimeoutSeconds: number;
}

/** An application role that logs in (through PgBouncer) and owns or reads schemas. */
export interface LoginRoleConfig {
  readonly name: string;
  readonly login: true;
  /** Server connections the role may hold at once (`CONNECTION LIMIT`); PgBouncer's pools must fit in it. */
  readonly connectionLimit: number;
  /** Statements running longer are cancelled (`statement_timeout`, ms). */
  readonly statementTimeoutMs: number;
}

/** A role that owns the schema of a product not live yet: it cannot log in, so it needs no password or pool. */
export interface ReservedRoleConfig {
  readonly name: string;
  readonly login: false;
}

export type DatabaseRoleConfig = LoginRoleConfig | ReservedRoleConfig;

/** A role that may read some tables of another role's schema, and nothing else there. */
export interface TableReaderConfig {
  readonly role: string;
  /**
   * Tables it may SELECT, one grant each: a table the owner's migrations have not created yet is not granted (its
   * grant alone fails the cloud's deploy; the local bootstrap names it in a warning), the others are.
   */
  readonly tables: readonly string[];
}

export interface SchemaConfig {
  readonly name: string;
  /** The role owning the schema: full rights in it, runs its migrations; its `search_path` is this schema. */
  readonly owner: string;
  /** Roles with read-only access: USAGE, SELECT on tables and sequences, now and for tables the owner creates later. */
  readonly readers: readonly string[];
  /**
   * Tables no other role may ever read (password hashes, sessions, personal data). A schema that has them admits
   * no whole-schema `readers` (default privileges would hand over every table created later), only `tableReaders`
   * of other tables.
   *
   * @default - none
   */
  readonly sensitiveTables?: readonly string[];
  /**
   * Roles reading only listed tables: USAGE on the schema and SELECT on exactly those tables, nothing on tables
   * created later until they are listed. An empty list is the switch in its off position.
   *
   * @default - none
   */
  readonly tableReaders?: readonly TableReaderConfig[];
}

/** PostgreSQL extensions created in the database, in a schema of their own that every login role may use. */
export interface ExtensionsConfig {
  /**
   * Schema holding the extensions' functions, operators and types: owned by the master user, USAGE for every login
   * role and appended to their search_path. Never `public` (PUBLIC has no rights there) nor an application schema.
   */
  readonly schema: string;
  /** Extension names RDS for PostgreSQL 15 offers (constructs/rds-postgresql-extensions.ts). */
  readonly names: readonly string[];
}

/**
 * The role a Postgres exporter logs in as: statistics only (`pg_monitor`), no application data, no pool. Its one
 * schema is the extensions schema (`extensions.schema`), where the `pg_stat_statements` view lives: USAGE there and
 * its search_path, where the exporter looks the view up.
 */
export interface MonitoringRoleConfig {
  readonly name: string;
  /** Connections it may hold (`CONNECTION LIMIT`), counted in the connection budget next to PgBouncer's pools. */
  readonly connectionLimit: number;
  /** Its statements are cancelled after this many ms (`statement_timeout`): a slow scrape never piles up. */
  readonly statementTimeoutMs: number;
}

export interface DatabaseAccessConfig {
  readonly connection: DatabaseConnectionConfig;
  /** Each registered product's role (derived from `products`: logs in when the product is live). */
  readonly roles: readonly DatabaseRoleConfig[];
  /** Each registered product's schema, owned by its role (derived from `products`). */
  readonly schemas: readonly SchemaConfig[];
  readonly extensions: ExtensionsConfig;
  readonly monitoringRole: MonitoringRoleConfig;
}

/**
 * Database access layer: the schemas of `lightwave_platform`, the roles owning and reading them, and their grants,
 * all derived from the access model in the environment config.
 *
 * Per schema: the schema owned by its role (Payload and Django run their own migrations); per login role: a
 * generated password, CONNECT, `search_path` set to the schema it owns (PgBouncer's transaction pooling cannot pass
 * `search_path` at startup), a connection limit and a statement timeout. Readers get USAGE, SELECT on existing
 * tables and sequences, and default privileges for what the owner creates later. PUBLIC loses CONNECT and TEMPORARY
 * on the database and every right on schema `public`: only the declared roles (and the master user) may connect.
 */
import { Extension } from '@cdktf/provider-postgresql/lib/extension';
import { Role } from '@cdktf/provider-postgresql/lib/role';
import { Schema } from '@cdktf/provider-postgresql/lib/schema';
import { Password } from '@cdktf/provider-random/lib/password';
import { Construct } from 'constructs';
import { SerializedGrants } from '../constructs/serialized-grants';
import type { EnvironmentTier } from '../environments/config';
import type {
  DatabaseAccessConfig,
  DatabaseRoleConfig,
  MonitoringRoleConfig,
} from '../environments/parts/database-access';
import type { DatabaseOutputs } from './database';

export interface DatabaseAccessLayerProps {
  readonly tier: EnvironmentTier;
  readonly access: DatabaseAccessConfig;
  readonly database: DatabaseOutputs;
}

/** A role that logs in, as the cluster layer needs it for PgBouncer and the application secrets. */
export interface LoginRoleOutput {
  readonly name: string;
  /** Generated at apply time (random_password); a token in the synthesized JSON, never a value. */
  readonly password: string;
  readonly connectionLimit: number;
  /** `statement_timeout` of the role, ms: the longest a statement of its clients runs. */
  readonly statementTimeoutMs: number;
  /** The schema the role owns, where its unqualified names land. @default - none (a pure reader) */
  readonly schema?: string;
}

/** The statistics-only role of the Postgres exporter: it connects directly, never through PgBouncer. */
export interface MonitoringRoleOutput {
  readonly name: string;
  /** Generated at apply time (random_password). */
  readonly password: string;
  readonly connectionLimit: number;
}

export interface DatabaseAccessOutputs {
  readonly databaseName: string;
  readonly loginRoles: readonly LoginRoleOutput[];
  readonly monitoringRole: MonitoringRoleOutput;
}

const READ_ONLY = ['SELECT'];
/** Every role of the platform, written out: no attribute that would bypass the grants. */
const UNPRIVILEGED = {
  superuser: false,
  createDatabase: false,
  createRole: false,
  replication: false,
  bypassRowLevelSecurity: false,
} as const;

export class DatabaseAccessLayer extends Construct {
  readonly outputs: DatabaseAccessOutputs;

  constructor(scope: Construct, id: string, props: DatabaseAccessLayerProps) {
    super(scope, id);
    const { access, database } = props;
    const db = database.databaseName;
    // Schemas own the data: in production a plan that drops one fails.
    const protect = props.tier === 'production' ? { lifecycle: { preventDestroy: true } } : {};

    const loginRoles: LoginRoleOutput[] = [];
    const roles = new Map<string, Role>();
    for (const config of access.roles) {
      const owned = access.schemas.filter((s) => s.owner === config.name).map((s) => s.name);
      const password = config.login
        ? new Password(this, `password_${config.name}`, { length: 40, special: false, minNumeric: 4 }).result
        : undefined;
      roles.set(
        config.name,
        new Role(this, `role_${config.name}`, {
          name: config.name,
          login: config.login,
          ...(config.login
            ? {
                password,
                connectionLimit: config.connectionLimit,
                statementTimeout: config.statementTimeoutMs,
              }
            : {}),
          ...searchPathOf(config, owned, access.extensions.schema),
          ...UNPRIVILEGED,
          dependsOn: [database.instance],
        }),
      );
      if (config.login && password) {
        loginRoles.push({
          name: config.name,
          password,
          connectionLimit: config.connectionLimit,
          statementTimeoutMs: config.statementTimeoutMs,
          schema: owned[0],
        });
      }
    }

    const schemas = access.schemas.map(
      (config) =>
        new Schema(this, `schema_${config.name}`, {
          name: config.name,
          database: db,
          owner: (roles.get(config.owner) as Role).name,
          ifNotExists: true,
          dropCascade: false,
          dependsOn: [database.instance],
          ...protect,
        }),
    );

    const extensionSchema = this.createExtensions(access, database, protect);
    const monitoring = monitoringRole(this, access.monitoringRole, database, access.extensions.schema);
    const grants = new SerializedGrants(this, 'grants', [
      ...roles.values(),
      monitoring.role,
      ...schemas,
      extensionSchema,
    ]);
    grants.grant('revoke_public_database', {
      role: 'public',
      database: db,
      objectType: 'database',
      privileges: [],
    });
    grants.grant('revoke_public_schema_public', {
      role: 'public',
      database: db,
      schema: 'public',
      objectType: 'schema',
      privileges: [],
    });
    for (const role of [...loginRoles, monitoring.output]) {
      grants.grant(`connect_${role.name}`, {
        role: role.name,
        database: db,
        objectType: 'database',
        privileges: ['CONNECT'],
      });
      // The extensions' functions and operators (the monitoring role: the pg_stat_statements view), without owning
      // them or being able to add to their schema.
      grants.grant(`usage_${access.extensions.schema}_${role.name}`, {
        role: role.name,
        database: db,
        schema: access.extensions.schema,
        objectType: 'schema',
        privileges: ['USAGE'],
      });
    }
    for (const schema of access.schemas) {
      for (const reader of schema.readers) {
        const on = { role: reader, database: db, schema: schema.name };
        const suffix = `${schema.name}_${reader}`;
        grants.grant(`usage_${suffix}`, { ...on, objectType: 'schema', privileges: ['USAGE'] });
        grants.grant(`tables_${suffix}`, { ...on, objectType: 'table', privileges: READ_ONLY });
        grants.grant(`sequences_${suffix}`, { ...on, objectType: 'sequence', privileges: READ_ONLY });
        grants.defaultPrivileges(`future_tables_${suffix}`, {
          ...on,
          owner: schema.owner,
          objectType: 'table',
          privileges: READ_ONLY,
        });
        grants.defaultPrivileges(`future_sequences_${suffix}`, {
          ...on,
          owner: schema.owner,
          objectType: 'sequence',
          privileges: READ_ONLY,
        });
      }
    }

    this.grantTableReads(grants, access, db);
    this.outputs = { databaseName: db, loginRoles, monitoringRole: monitoring.output };
  }

  /**
   * Table readers (Django's read switch on Payload's content): USAGE on the schema and SELECT on the listed tables
   * only; a table created later stays closed until it is listed, so a new sensitive table is never exposed.
   */
  private grantTableReads(grants: SerializedGrants, access: DatabaseAccessConfig, db: string): void {
    for (const schema of access.schemas) {
      for (const reader of schema.tableReaders ?? []) {
        const on = { role: reader.role, database: db, schema: schema.name };
        const suffix = `${schema.name}_${reader.role}`;
        grants.grant(`usage_${suffix}`, { ...on, objectType: 'schema', privileges: ['USAGE'] });
        grants.grant(`tables_${suffix}`, {
          ...on,
          objectType: 'table',
          privileges: READ_ONLY,
          objects: reader.tables,
        });
      }
    }
  }

  /**
   * The extensions schema, owned by the master user (RDS's rds_superuser, which may create every extension RDS
   * offers), and each configured extension in it. Nothing in it belongs to an application role.
   */
  private createExtensions(
    access: DatabaseAccessConfig,
    database: DatabaseOutputs,
    protect: { lifecycle?: { preventDestroy: boolean } },
  ): Schema {
    const { schema: name, names } = access.extensions;
    const schema = new Schema(this, `schema_${name}`, {
      name,
      database: database.databaseName,
      owner: database.masterUsername,
      ifNotExists: true,
      dropCascade: false,
      dependsOn: [database.instance],
      ...protect,
    });
    for (const extension of names) {
      new Extension(this, `extension_${extension}`, {
        name: extension,
        schema: schema.name,
        database: database.databaseName,
        dropCascade: false,
        createCascade: false,
      });
    }
    return schema;
  }
}

/** Login roles find their own schema first, then the extensions; a reserved role only its schema. */
function searchPathOf(
  config: DatabaseRoleConfig,
  owned: readonly string[],
  extensionSchema: string,
): { searchPath?: string[] } {
  const path = config.login ? [...owned, extensionSchema] : [...owned];
  return path.length > 0 ? { searchPath: path } : {};
}

/**
 * The Postgres exporter's login: member of `pg_monitor` (every pg_stat_* view and pg_stat_statements' query texts,
 * every setting) with USAGE on the extensions schema (where the pg_stat_statements view lives) only, so it reads
 * statistics and never application data. CONNECT and that USAGE are granted with the login roles'.
 */
function monitoringRole(
  scope: Construct,
  config: MonitoringRoleConfig,
  database: DatabaseOutputs,
  extensionSchema: string,
) {
  const password = new Password(scope, `password_${config.name}`, {
    length: 40,
    special: false,
    minNumeric: 4,
  }).result;
  const role = new Role(scope, `role_${config.name}`, {
    name: config.name,
    login: true,
    password,
    connectionLimit: config.connectionLimit,
    statementTimeout: config.statementTimeoutMs,
    searchPath: [extensionSchema],
    roles: ['pg_monitor'],
    ...UNPRIVILEGED,
    dependsOn: [database.instance],
  });
  return { role, output: { name: config.name, password, connectionLimit: config.connectionLimit } };
}

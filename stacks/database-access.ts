/**
 * Database access layer: the schemas of `lightwave_platform`, the roles owning and reading them, the monitoring role,
 * the extensions, and their grants, all derived from the access model in the environment config through its access
 * plan (environments/access-plan.ts, which the local bootstrap SQL is generated from too).
 *
 * Per schema: the schema owned by its role (Payload and Django run their own migrations); per login role: a
 * generated password, CONNECT, `search_path` set to the schema it owns (PgBouncer's transaction pooling cannot pass
 * `search_path` at startup, the extensions' schema after it), a connection limit and a statement timeout. Readers get USAGE, SELECT on existing
 * tables and sequences, and default privileges for what the owner creates later. PUBLIC loses CONNECT and TEMPORARY
 * on the database and every right on schema `public`: only the declared roles (and the master user) may connect.
 * The Postgres exporter's monitoring role is a member of `pg_monitor` with USAGE on the extensions' schema (where
 * the pg_stat_statements view lives) only, so it reads statistics and never application data. Table readers
 * (Django's read switch) get SELECT on the listed tables alone.
 */
import { Extension } from '@cdktf/provider-postgresql/lib/extension';
import { Role } from '@cdktf/provider-postgresql/lib/role';
import { Schema } from '@cdktf/provider-postgresql/lib/schema';
import { Password } from '@cdktf/provider-random/lib/password';
import { Construct } from 'constructs';
import { ScramVerifier } from '../constructs/scram-verifier';
import { SerializedGrants } from '../constructs/serialized-grants';
import { accessPlan, type AccessPlan, type PlannedRole } from '../environments/access-plan';
import type { EnvironmentTier } from '../environments/config';
import type { DatabaseAccessConfig } from '../environments/parts/database-access';
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
  /** The applications' login roles (not the monitoring role). */
  readonly loginRoles: readonly LoginRoleOutput[];
  readonly monitoringRole: MonitoringRoleOutput;
}

/**
 * Every role of the platform, written out: no attribute that would bypass the grants. A function, not a constant:
 * the module does no work when it is imported (see stryker.config.mjs).
 */
const unprivileged = () =>
  ({
    superuser: false,
    createDatabase: false,
    createRole: false,
    replication: false,
    bypassRowLevelSecurity: false,
  }) as const;

export class DatabaseAccessLayer extends Construct {
  readonly outputs: DatabaseAccessOutputs;

  constructor(scope: Construct, id: string, props: DatabaseAccessLayerProps) {
    super(scope, id);
    const { database } = props;
    const plan = accessPlan(props.access, database.databaseName);
    // Schemas own the data: in production a plan that drops one fails.
    const protect = props.tier === 'production' ? { lifecycle: { preventDestroy: true } } : {};

    const loginRoles: LoginRoleOutput[] = [];
    const passwords = new Map<string, string>();
    const roles = new Map<string, Role>();
    for (const planned of plan.roles) {
      const password = planned.login
        ? new Password(this, `password_${planned.name}`, { length: 40, special: false, minNumeric: 4 }).result
        : undefined;
      roles.set(planned.name, this.role(planned, password, database));
      if (password) passwords.set(planned.name, password);
      if (password && planned.name !== plan.monitoringRole) {
        loginRoles.push({
          name: planned.name,
          password,
          connectionLimit: planned.connectionLimit as number,
          statementTimeoutMs: planned.statementTimeoutMs as number,
          // The schema it owns (the first on its search_path), none for a pure reader (the extensions' only).
          schema: plan.schemas.find((s) => s.owner === planned.name)?.name,
        });
      }
    }

    const schemas = plan.schemas.map(
      (planned) =>
        new Schema(this, `schema_${planned.name}`, {
          name: planned.name,
          database: plan.database,
          owner: (roles.get(planned.owner) as Role).name,
          ifNotExists: true,
          dropCascade: false,
          dependsOn: [database.instance],
          ...protect,
        }),
    );

    const extensionSchema = this.createExtensions(plan, database, protect);
    const grants = new SerializedGrants(this, 'grants', [...roles.values(), ...schemas, extensionSchema]);
    for (const p of plan.privileges) {
      const on = { role: p.role, database: plan.database, privileges: p.privileges };
      if (p.kind === 'grant') {
        grants.grant(p.id, {
          ...on,
          objectType: p.objectType,
          ...(p.schema ? { schema: p.schema } : {}),
          ...(p.objects ? { objects: p.objects } : {}),
        });
      } else {
        grants.defaultPrivileges(p.id, { ...on, schema: p.schema, owner: p.owner, objectType: p.objectType });
      }
    }

    const monitoring = plan.roles.find((r) => r.name === plan.monitoringRole) as PlannedRole;
    this.outputs = {
      databaseName: plan.database,
      loginRoles,
      monitoringRole: {
        name: monitoring.name,
        password: passwords.get(monitoring.name) as string,
        connectionLimit: monitoring.connectionLimit as number,
      },
    };
  }

  /**
   * The extensions schema, owned by the master user (RDS's rds_superuser, which may create every extension RDS
   * offers), and each configured extension in it. Nothing in it belongs to an application role.
   */
  private createExtensions(
    plan: AccessPlan,
    database: DatabaseOutputs,
    protect: { lifecycle?: { preventDestroy: boolean } },
  ): Schema {
    const { schema: name, names } = plan.extensions;
    const schema = new Schema(this, `schema_${name}`, {
      name,
      database: plan.database,
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
        database: plan.database,
        dropCascade: false,
        createCascade: false,
      });
    }
    return schema;
  }

  /**
   * The role; its password reaches PostgreSQL as a SCRAM verifier, never as plaintext (constructs/scram-verifier.ts:
   * the provider sends `CREATE ROLE … ENCRYPTED PASSWORD '<value>'`, which the server logs and pg_stat_statements
   * keeps).
   */
  private role(planned: PlannedRole, password: string | undefined, database: DatabaseOutputs): Role {
    return new Role(this, `role_${planned.name}`, {
      name: planned.name,
      login: planned.login,
      ...(password
        ? {
            password: new ScramVerifier(this, `scram_${planned.name}`, password).verifier,
            connectionLimit: planned.connectionLimit,
            statementTimeout: planned.statementTimeoutMs,
          }
        : {}),
      ...(planned.searchPath.length > 0 ? { searchPath: [...planned.searchPath] } : {}),
      ...(planned.memberOf.length > 0 ? { roles: [...planned.memberOf] } : {}),
      ...unprivileged(),
      dependsOn: [database.instance],
    });
  }
}

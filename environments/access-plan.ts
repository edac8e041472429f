/**
 * The access model worked out once: every role with its attributes, every schema with its owner, and every grant and
 * default privilege in the order they are applied. The postgresql layer (stacks/database-access.ts) declares
 * Terraform resources from it, and the local bootstrap SQL (local-dev/access-sql.ts) writes statements from it, so the
 * cloud and a laptop get the same permission model from one derivation.
 *
 * Grant semantics follow `postgresql_grant`: one entry per (role, database, schema, object type), authoritative
 * (everything else on the tuple is revoked); an empty privilege list revokes everything (PUBLIC's rights).
 */
import type { DatabaseAccessConfig } from './parts/database-access';

export interface PlannedRole {
  readonly name: string;
  readonly login: boolean;
  /** `CONNECTION LIMIT` of a login role. @default - none (a role that cannot log in) */
  readonly connectionLimit?: number;
  /** `statement_timeout` of a login role, ms. @default - none (a role that cannot log in) */
  readonly statementTimeoutMs?: number;
  /**
   * Its `search_path`: the schemas it owns, in declaration order, then (a login role) the extensions' schema (empty:
   * the server's default).
   */
  readonly searchPath: readonly string[];
  /** Roles it is a member of (authoritative, like the provider's `roles`): `pg_monitor` for the monitoring role. */
  readonly memberOf: readonly string[];
}

export interface PlannedSchema {
  readonly name: string;
  readonly owner: string;
}

export interface PlannedGrant {
  readonly kind: 'grant';
  /** Construct id in the layer, e.g. `usage_payload_django_user`. */
  readonly id: string;
  /** A role, or `public` for PUBLIC. */
  readonly role: string;
  readonly objectType: 'database' | 'schema' | 'table' | 'sequence';
  /** @default - none: a database-level grant */
  readonly schema?: string;
  /** Empty: revoke everything on the tuple. */
  readonly privileges: readonly string[];
  /**
   * Only these tables of `schema` (the cloud's grant fails while one is missing; the local bootstrap warns and skips
   * it). @default - every object of the type
   */
  readonly objects?: readonly string[];
}

export interface PlannedDefaultPrivileges {
  readonly kind: 'default-privileges';
  readonly id: string;
  readonly role: string;
  readonly schema: string;
  /** The role whose future objects the privileges apply to. */
  readonly owner: string;
  readonly objectType: 'table' | 'sequence';
  readonly privileges: readonly string[];
}

export type PlannedPrivilege = PlannedGrant | PlannedDefaultPrivileges;

/** Extensions in a schema of their own, owned by the master user; every login role has USAGE on it. */
export interface PlannedExtensions {
  readonly schema: string;
  readonly names: readonly string[];
}

export interface AccessPlan {
  readonly database: string;
  /** The applications' roles in declaration order, then the monitoring role. */
  readonly roles: readonly PlannedRole[];
  /** The statistics-only role of the Postgres exporter: it connects directly, never through PgBouncer. */
  readonly monitoringRole: string;
  readonly extensions: PlannedExtensions;
  readonly schemas: readonly PlannedSchema[];
  /** Applied after roles, schemas and extensions, one after another in this order. */
  readonly privileges: readonly PlannedPrivilege[];
}

// A function, not a constant: the module does no work when it is imported (see stryker.config.mjs).
const readOnly = (): string[] => ['SELECT'];

function plannedRoles(access: DatabaseAccessConfig): PlannedRole[] {
  return access.roles.map((role) => ({
    name: role.name,
    login: role.login,
    ...(role.login
      ? { connectionLimit: role.connectionLimit, statementTimeoutMs: role.statementTimeoutMs }
      : {}),
    searchPath: [
      ...access.schemas.filter((s) => s.owner === role.name).map((s) => s.name),
      ...(role.login ? [access.extensions.schema] : []),
    ],
    memberOf: [],
  }));
}

/**
 * The Postgres exporter's login: `pg_monitor` (statistics and settings), its search_path the extensions' schema,
 * where the pg_stat_statements view lives.
 */
function monitoringRole(access: DatabaseAccessConfig): PlannedRole {
  const config = access.monitoringRole;
  return {
    name: config.name,
    login: true,
    connectionLimit: config.connectionLimit,
    statementTimeoutMs: config.statementTimeoutMs,
    searchPath: [access.extensions.schema],
    memberOf: ['pg_monitor'],
  };
}

/**
 * PUBLIC loses CONNECT and TEMPORARY on the database and every right on schema `public`; login roles (the monitoring
 * role last) get CONNECT and USAGE on the extensions' schema: the extensions' functions and operators (the
 * monitoring role: the pg_stat_statements view), without owning them or being able to add to their schema.
 */
function databaseGrants(access: DatabaseAccessConfig): PlannedGrant[] {
  const revokePublic: PlannedGrant[] = [
    { kind: 'grant', id: 'revoke_public_database', role: 'public', objectType: 'database', privileges: [] },
    {
      kind: 'grant',
      id: 'revoke_public_schema_public',
      role: 'public',
      objectType: 'schema',
      schema: 'public',
      privileges: [],
    },
  ];
  const extensions = access.extensions.schema;
  const logins = [
    ...access.roles.filter((role) => role.login).map((role) => role.name),
    access.monitoringRole.name,
  ];
  const perLogin = logins.flatMap((role): PlannedGrant[] => [
    { kind: 'grant', id: `connect_${role}`, role, objectType: 'database', privileges: ['CONNECT'] },
    {
      kind: 'grant',
      id: `usage_${extensions}_${role}`,
      role,
      objectType: 'schema',
      schema: extensions,
      privileges: ['USAGE'],
    },
  ]);
  return [...revokePublic, ...perLogin];
}

/** Readers: USAGE, SELECT on existing tables and sequences, and on what the owner creates later. */
function readerGrants(access: DatabaseAccessConfig): PlannedPrivilege[] {
  return access.schemas.flatMap((schema) =>
    schema.readers.flatMap((reader): PlannedPrivilege[] => {
      const on = { role: reader, schema: schema.name };
      const suffix = `${schema.name}_${reader}`;
      const later = {
        kind: 'default-privileges',
        ...on,
        owner: schema.owner,
        privileges: readOnly(),
      } as const;
      return [
        { kind: 'grant', id: `usage_${suffix}`, ...on, objectType: 'schema', privileges: ['USAGE'] },
        { kind: 'grant', id: `tables_${suffix}`, ...on, objectType: 'table', privileges: readOnly() },
        { kind: 'grant', id: `sequences_${suffix}`, ...on, objectType: 'sequence', privileges: readOnly() },
        { ...later, id: `future_tables_${suffix}`, objectType: 'table' },
        { ...later, id: `future_sequences_${suffix}`, objectType: 'sequence' },
      ];
    }),
  );
}

/**
 * Table readers (Django's read switch on Payload's content): USAGE on the schema and SELECT on the listed tables
 * only, one grant per table, so a listed table that does not exist yet (Payload has not migrated it) fails or skips
 * its own grant alone and every table that exists is granted. A table created later stays closed until it is listed,
 * so a new sensitive table is never exposed.
 */
function tableReaderGrants(access: DatabaseAccessConfig): PlannedGrant[] {
  return access.schemas.flatMap((schema) =>
    (schema.tableReaders ?? []).flatMap((reader): PlannedGrant[] => {
      const on = { role: reader.role, schema: schema.name };
      const suffix = `${schema.name}_${reader.role}`;
      return [
        { kind: 'grant', id: `usage_${suffix}`, ...on, objectType: 'schema', privileges: ['USAGE'] },
        ...reader.tables.map((table): PlannedGrant => ({
          kind: 'grant',
          id: `table_${suffix}_${table}`,
          ...on,
          objectType: 'table',
          privileges: readOnly(),
          objects: [table],
        })),
      ];
    }),
  );
}

/** The roles PgBouncer pools (the applications' logins): every login role but the monitoring role. */
export function pooledRoles(plan: AccessPlan): PlannedRole[] {
  return plan.roles.filter((r) => r.login && r.name !== plan.monitoringRole);
}

export function accessPlan(access: DatabaseAccessConfig, database: string): AccessPlan {
  return {
    database,
    roles: [...plannedRoles(access), monitoringRole(access)],
    monitoringRole: access.monitoringRole.name,
    extensions: { schema: access.extensions.schema, names: access.extensions.names },
    schemas: access.schemas.map((s) => ({ name: s.name, owner: s.owner })),
    privileges: [...databaseGrants(access), ...readerGrants(access), ...tableReaderGrants(access)],
  };
}

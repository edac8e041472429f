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
  /** The schemas the role owns, in declaration order: its `search_path` (empty: the server's default). */
  readonly searchPath: readonly string[];
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

export interface AccessPlan {
  readonly database: string;
  readonly roles: readonly PlannedRole[];
  readonly schemas: readonly PlannedSchema[];
  /** Applied after roles and schemas, one after another in this order. */
  readonly privileges: readonly PlannedPrivilege[];
}

const READ_ONLY = ['SELECT'];

function plannedRoles(access: DatabaseAccessConfig): PlannedRole[] {
  return access.roles.map((role) => ({
    name: role.name,
    login: role.login,
    ...(role.login
      ? { connectionLimit: role.connectionLimit, statementTimeoutMs: role.statementTimeoutMs }
      : {}),
    searchPath: access.schemas.filter((s) => s.owner === role.name).map((s) => s.name),
  }));
}

/** PUBLIC loses CONNECT and TEMPORARY on the database and every right on schema `public`; login roles get CONNECT. */
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
  const connect = access.roles.flatMap((role): PlannedGrant[] =>
    role.login
      ? [
          {
            kind: 'grant',
            id: `connect_${role.name}`,
            role: role.name,
            objectType: 'database',
            privileges: ['CONNECT'],
          },
        ]
      : [],
  );
  return [...revokePublic, ...connect];
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
        privileges: READ_ONLY,
      } as const;
      return [
        { kind: 'grant', id: `usage_${suffix}`, ...on, objectType: 'schema', privileges: ['USAGE'] },
        { kind: 'grant', id: `tables_${suffix}`, ...on, objectType: 'table', privileges: READ_ONLY },
        { kind: 'grant', id: `sequences_${suffix}`, ...on, objectType: 'sequence', privileges: READ_ONLY },
        { ...later, id: `future_tables_${suffix}`, objectType: 'table' },
        { ...later, id: `future_sequences_${suffix}`, objectType: 'sequence' },
      ];
    }),
  );
}

export function accessPlan(access: DatabaseAccessConfig, database: string): AccessPlan {
  return {
    database,
    roles: plannedRoles(access),
    schemas: access.schemas.map((s) => ({ name: s.name, owner: s.owner })),
    privileges: [...databaseGrants(access), ...readerGrants(access)],
  };
}

/**
 * EMULATION, part 2 of 3: the SQL the cyrilgdn/postgresql provider v1.26.0 runs to create each resource type this
 * project uses, for the arguments postgresql-provider-inputs.ts accepts (checked there first). Followed at tag
 * v1.26.0, function by function:
 *
 *   postgresql_role               resource_postgresql_role.go    resourcePostgreSQLRoleCreate (option order, grantRoles,
 *                                                                VALID UNTIL 'infinity', ENCRYPTED PASSWORD),
 *                                                                alterSearchPath, setStatementTimeout
 *   postgresql_schema             resource_postgresql_schema.go  resourcePostgreSQLSchemaCreate, createSchema
 *                                                                (AUTHORIZATION only when an owner is set),
 *                                                                setSchemaOwner; getDatabase (its database)
 *   postgresql_grant              resource_postgresql_grant.go   resourcePostgreSQLGrantCreateOrUpdate,
 *                                                                createRevokeQuery, createGrantQuery, getRolesToGrant
 *   postgresql_default_privileges resource_postgresql_default_privileges.go  ...Create,
 *                                                                revokeRoleDefaultPrivileges, grantRoleDefaultPrivileges
 *   helpers                       helpers.go                     startTransaction (the resource's database),
 *                                                                withRolesGranted, pgLockRole, pgLockDatabase,
 *                                                                getSchemaOwner, getTablesOwner, resolveOwners,
 *                                                                pqQuoteLiteral
 *
 * It runs as the provider's user (on RDS a non-superuser with CREATEROLE), each resource in one transaction on the
 * database the resource names, as the provider does. Reading back is part 3 (postgresql-provider-read.ts).
 */
import type { Client } from 'pg';
import type { Attributes } from './postgresql-provider-inputs';

/** The provider's connection: its configured database and user, and a session per database it works in. */
export interface ProviderSession {
  /** The provider block's `database`: roles are created there, and schemas that name none. */
  readonly database: string;
  /** A session as the provider's user on `database`, opened on first use and reused. */
  client(database: string): Promise<Client>;
}

/** pq.QuoteIdentifier. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** helpers.go pqQuoteLiteral: backslashes doubled as well as quotes. */
const literal = (value: string): string => value.replace(/\\/g, '\\\\').replace(/'/g, "''");

export async function one(client: Client, sql: string, params: unknown[] = []): Promise<string | undefined> {
  const result = await client.query(sql, params);
  return result.rows[0] ? String(Object.values(result.rows[0])[0]) : undefined;
}

async function isMember(client: Client, role: string, member: string): Promise<boolean> {
  const sql =
    'SELECT 1 FROM pg_auth_members WHERE pg_get_userbyid(roleid) = $1 AND pg_get_userbyid(member) = $2';
  return (await one(client, sql, [role, member])) !== undefined;
}

const isSuperuser = async (client: Client, role: string) =>
  (await one(client, 'SELECT rolsuper FROM pg_roles WHERE rolname = $1', [role])) === 'true';

/** helpers.go withRolesGranted: a non-superuser provider user temporarily becomes a member of `roles`. */
async function withRolesGranted(client: Client, roles: string[], fn: () => Promise<void>): Promise<void> {
  const current = (await one(client, 'SELECT CURRENT_USER')) as string;
  if (roles.length === 0 || (await isSuperuser(client, current))) return fn();
  const granted: string[] = [];
  const revoked: string[] = [];
  for (const role of roles) {
    if (role === current || (await isSuperuser(client, role))) continue;
    if (await isMember(client, current, role)) {
      await client.query(`REVOKE ${ident(current)} FROM ${ident(role)}`);
      revoked.push(role);
    }
    if (!(await isMember(client, role, current))) {
      await client.query(`GRANT ${ident(role)} TO ${ident(current)}`);
      granted.push(role);
    }
  }
  await fn();
  for (const role of granted) await client.query(`REVOKE ${ident(role)} FROM ${ident(current)}`);
  for (const role of revoked) await client.query(`GRANT ${ident(current)} TO ${ident(role)}`);
}

async function inTransaction(client: Client, fn: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await fn();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** helpers.go pgLockRole. */
export async function lockRole(client: Client, role: string): Promise<void> {
  await client.query('SET statement_timeout = 0');
  await client.query('SELECT pg_advisory_xact_lock(oid::bigint) FROM pg_roles WHERE rolname = $1', [role]);
  await client.query(
    'SELECT pg_advisory_xact_lock(member::bigint) FROM pg_auth_members JOIN pg_roles ON roleid = pg_roles.oid WHERE rolname = $1',
    [role],
  );
}

/** helpers.go getDatabaseOwner (of the session's database). */
export async function databaseOwner(client: Client): Promise<string> {
  return (await one(
    client,
    'SELECT rolname FROM pg_database JOIN pg_roles ON datdba = pg_roles.oid WHERE datname = current_database()',
  )) as string;
}

export async function createRole(session: ProviderSession, a: Attributes): Promise<void> {
  const flag = (key: string, on: string, off: string) => (a[key] ? on : off);
  const options = [
    ...(a.password ? [`ENCRYPTED PASSWORD '${literal(String(a.password))}'`] : []),
    `VALID UNTIL 'infinity'`,
    `CONNECTION LIMIT ${Number(a.connection_limit)}`,
    flag('superuser', 'SUPERUSER', 'NOSUPERUSER'),
    flag('create_database', 'CREATEDB', 'NOCREATEDB'),
    flag('create_role', 'CREATEROLE', 'NOCREATEROLE'),
    flag('inherit', 'INHERIT', 'NOINHERIT'),
    flag('login', 'LOGIN', 'NOLOGIN'),
    flag('bypass_row_level_security', 'BYPASSRLS', 'NOBYPASSRLS'),
    flag('replication', 'REPLICATION', 'NOREPLICATION'),
  ];
  const name = ident(String(a.name));
  const searchPath = (a.search_path as string[] | undefined) ?? [];
  const client = await session.client(session.database);
  await inTransaction(client, async () => {
    await client.query(`CREATE ROLE ${name} WITH ${options.join(' ')}`);
    for (const member of (a.roles as string[] | undefined) ?? [])
      await client.query(`GRANT ${ident(member)} TO ${name}`);
    await client.query(
      `ALTER ROLE ${name} SET search_path TO ${searchPath.length ? searchPath.map(ident).join(', ') : 'DEFAULT'}`,
    );
    // setStatementTimeout acts only on a change from the empty state: a configured non-zero value.
    if (a.statement_timeout)
      await client.query(`ALTER ROLE ${name} SET statement_timeout TO ${Number(a.statement_timeout)}`);
  });
}

export async function createSchema(session: ProviderSession, a: Attributes): Promise<void> {
  const client = await session.client(String(a.database ?? session.database));
  const owner = a.owner ? String(a.owner) : undefined;
  await inTransaction(client, async () => {
    const dbOwner = await databaseOwner(client);
    const roles = [dbOwner, ...(owner && owner !== dbOwner ? [owner] : [])];
    await withRolesGranted(client, roles, async () => {
      const exists = await one(client, 'SELECT TRUE FROM pg_catalog.pg_namespace WHERE nspname = $1', [
        a.name,
      ]);
      if (exists) {
        if (owner) await client.query(`ALTER SCHEMA ${ident(String(a.name))} OWNER TO ${ident(owner)}`);
      } else {
        await client.query(
          `CREATE SCHEMA ${a.if_not_exists ? 'IF NOT EXISTS ' : ''}${ident(String(a.name))}` +
            (owner ? ` AUTHORIZATION ${ident(owner)}` : ''),
        );
      }
    });
  });
}

/** resource_postgresql_grant.go getRolesToGrant + helpers.go getSchemaOwner, getTablesOwner, resolveOwners. */
async function ownersToGrant(client: Client, objectType: string, schema: string): Promise<string[]> {
  if (objectType === 'database') return [];
  const owners =
    objectType === 'schema'
      ? []
      : (
          await client.query('SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = $1', [schema])
        ).rows.map((r) => String(r.tableowner));
  const schemaOwner = await one(
    client,
    'SELECT rolname FROM pg_namespace JOIN pg_roles ON nspowner = pg_roles.oid WHERE nspname = $1',
    [schema],
  );
  if (schemaOwner === undefined) throw new Error(`could not find schema '${schema}' while looking for owner`);
  if (!owners.includes(schemaOwner)) owners.push(schemaOwner);
  const dbOwner = await databaseOwner(client);
  return owners.map((o) => (o === 'pg_database_owner' ? dbOwner : o));
}

/** The object clause of createGrantQuery/createRevokeQuery for the object types this emulation implements. */
function grantTarget(a: Attributes): string {
  const objectType = String(a.object_type);
  if (objectType === 'database') return `DATABASE ${ident(String(a.database))}`;
  if (objectType === 'schema') return `SCHEMA ${ident(String(a.schema))}`;
  return `ALL ${objectType.toUpperCase()}S IN SCHEMA ${ident(String(a.schema))}`;
}

export async function createGrant(session: ProviderSession, a: Attributes): Promise<void> {
  const client = await session.client(String(a.database));
  const [role, objectType, privileges] = [String(a.role), String(a.object_type), a.privileges as string[]];
  await inTransaction(client, async () => {
    await lockRole(client, role);
    if (objectType === 'database') {
      await client.query('SELECT pg_advisory_xact_lock(oid::bigint) FROM pg_database WHERE datname = $1', [
        a.database,
      ]);
    }
    await withRolesGranted(
      client,
      await ownersToGrant(client, objectType, String(a.schema ?? '')),
      async () => {
        // Revoke everything on the tuple, then grant: the grant is authoritative for (role, database, schema, type).
        await client.query(`REVOKE ALL PRIVILEGES ON ${grantTarget(a)} FROM ${ident(role)}`);
        if (privileges.length > 0)
          await client.query(`GRANT ${privileges.join(',')} ON ${grantTarget(a)} TO ${ident(role)}`);
      },
    );
  });
}

export async function createDefaultPrivileges(session: ProviderSession, a: Attributes): Promise<void> {
  const client = await session.client(String(a.database));
  const [role, owner, objectType] = [String(a.role), String(a.owner), String(a.object_type).toUpperCase()];
  const inSchema = a.schema ? `IN SCHEMA ${ident(String(a.schema))}` : '';
  const privileges = a.privileges as string[];
  const alter = `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} ${inSchema}`;
  await inTransaction(client, async () => {
    await lockRole(client, owner);
    await withRolesGranted(client, [owner], async () => {
      await client.query(`${alter} REVOKE ALL ON ${objectType}S FROM ${ident(role)}`);
      if (privileges.length > 0)
        await client.query(`${alter} GRANT ${privileges.join(',')} ON ${objectType}S TO ${ident(role)}`);
    });
  });
}

export const emulatedCreate: Readonly<
  Record<string, (session: ProviderSession, a: Attributes) => Promise<void>>
> = {
  postgresql_role: createRole,
  postgresql_schema: createSchema,
  postgresql_grant: createGrant,
  postgresql_default_privileges: createDefaultPrivileges,
};

/**
 * EMULATION of what the cyrilgdn/postgresql provider v1.26.0 executes when it creates each resource type this
 * project uses. It follows the provider's source at tag v1.26.0, function by function:
 *
 *   postgresql_role               resource_postgresql_role.go    resourcePostgreSQLRoleCreate, grantRoles,
 *                                                                alterSearchPath, setStatementTimeout
 *   postgresql_schema             resource_postgresql_schema.go  resourcePostgreSQLSchemaCreate, createSchema
 *   postgresql_grant              resource_postgresql_grant.go   resourcePostgreSQLGrantCreateOrUpdate,
 *                                                                createRevokeQuery, createGrantQuery, getRolesToGrant
 *   postgresql_default_privileges resource_postgresql_default_privileges.go  ...Create, revoke/grantRoleDefaultPrivileges
 *   helpers                       helpers.go                     withRolesGranted, pgLockRole, pgLockDatabase,
 *                                                                resolveOwners
 *
 * Only create is emulated (no read, update or delete), for the arguments this project sets. It runs connected as
 * a non-superuser master with CREATEROLE, as on RDS; each resource in one transaction, as the provider does.
 */
import type { Client } from 'pg';

export type Attributes = Record<string, unknown>;

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string): string => value.replace(/'/g, "''");

async function one(client: Client, sql: string, params: unknown[] = []): Promise<string | undefined> {
  const result = await client.query(sql, params);
  return result.rows[0] ? String(Object.values(result.rows[0])[0]) : undefined;
}

async function isMember(client: Client, role: string, member: string): Promise<boolean> {
  const sql =
    'SELECT 1 FROM pg_auth_members WHERE pg_get_userbyid(roleid) = $1 AND pg_get_userbyid(member) = $2';
  return (await one(client, sql, [role, member])) !== undefined;
}

/** helpers.go withRolesGranted: temporarily make the (non-superuser) current user a member of `roles`. */
async function withRolesGranted(client: Client, roles: string[], fn: () => Promise<void>): Promise<void> {
  const current = (await one(client, 'SELECT CURRENT_USER')) as string;
  const granted: string[] = [];
  const revoked: string[] = [];
  for (const role of roles) {
    if (role === current) continue;
    if ((await one(client, 'SELECT rolsuper FROM pg_roles WHERE rolname = $1', [role])) === 'true') continue;
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

async function lockRole(client: Client, role: string): Promise<void> {
  await client.query('SET statement_timeout = 0');
  await client.query('SELECT pg_advisory_xact_lock(oid::bigint) FROM pg_roles WHERE rolname = $1', [role]);
  await client.query(
    'SELECT pg_advisory_xact_lock(member::bigint) FROM pg_auth_members JOIN pg_roles ON roleid = pg_roles.oid WHERE rolname = $1',
    [role],
  );
}

async function databaseOwner(client: Client): Promise<string> {
  return (await one(
    client,
    'SELECT rolname FROM pg_database JOIN pg_roles ON datdba = pg_roles.oid WHERE datname = current_database()',
  )) as string;
}

export async function createRole(client: Client, a: Attributes): Promise<void> {
  const flag = (key: string, on: string, off: string, fallback: boolean) => ((a[key] ?? fallback) ? on : off);
  const options = [
    ...(a.password ? [`ENCRYPTED PASSWORD '${literal(String(a.password))}'`] : []),
    `VALID UNTIL 'infinity'`,
    `CONNECTION LIMIT ${Number(a.connection_limit ?? -1)}`,
    flag('superuser', 'SUPERUSER', 'NOSUPERUSER', false),
    flag('create_database', 'CREATEDB', 'NOCREATEDB', false),
    flag('create_role', 'CREATEROLE', 'NOCREATEROLE', false),
    flag('inherit', 'INHERIT', 'NOINHERIT', true),
    flag('login', 'LOGIN', 'NOLOGIN', false),
    flag('bypass_row_level_security', 'BYPASSRLS', 'NOBYPASSRLS', false),
    flag('replication', 'REPLICATION', 'NOREPLICATION', false),
  ];
  const name = ident(String(a.name));
  const searchPath = (a.search_path as string[] | undefined) ?? [];
  await inTransaction(client, async () => {
    await client.query(`CREATE ROLE ${name} WITH ${options.join(' ')}`);
    for (const member of (a.roles as string[] | undefined) ?? [])
      await client.query(`GRANT ${ident(member)} TO ${name}`);
    await client.query(
      `ALTER ROLE ${name} SET search_path TO ${searchPath.length ? searchPath.map(ident).join(', ') : 'DEFAULT'}`,
    );
    if (a.statement_timeout)
      await client.query(`ALTER ROLE ${name} SET statement_timeout TO ${Number(a.statement_timeout)}`);
  });
}

export async function createSchema(client: Client, a: Attributes): Promise<void> {
  await inTransaction(client, async () => {
    const owner = await databaseOwner(client);
    const roles = [owner, ...(a.owner && a.owner !== owner ? [String(a.owner)] : [])];
    await withRolesGranted(client, roles, async () => {
      const exists = await one(client, 'SELECT TRUE FROM pg_catalog.pg_namespace WHERE nspname = $1', [
        a.name,
      ]);
      if (exists) {
        await client.query(`ALTER SCHEMA ${ident(String(a.name))} OWNER TO ${ident(String(a.owner))}`);
      } else {
        const ifNotExists = (a.if_not_exists ?? true) ? 'IF NOT EXISTS ' : '';
        await client.query(
          `CREATE SCHEMA ${ifNotExists}${ident(String(a.name))} AUTHORIZATION ${ident(String(a.owner))}`,
        );
      }
    });
  });
}

/** resource_postgresql_grant.go getRolesToGrant + helpers.go resolveOwners. */
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
  if (schemaOwner && !owners.includes(schemaOwner)) owners.push(schemaOwner);
  const dbOwner = await databaseOwner(client);
  return owners.map((o) => (o === 'pg_database_owner' ? dbOwner : o));
}

export async function createGrant(client: Client, a: Attributes): Promise<void> {
  const [role, database, schema, objectType] = [
    String(a.role),
    String(a.database),
    String(a.schema ?? ''),
    String(a.object_type),
  ];
  const privileges = (a.privileges as string[]) ?? [];
  const on =
    objectType === 'database'
      ? `DATABASE ${ident(database)}`
      : objectType === 'schema'
        ? `SCHEMA ${ident(schema)}`
        : `ALL ${objectType.toUpperCase()}S IN SCHEMA ${ident(schema)}`;
  await inTransaction(client, async () => {
    await lockRole(client, role);
    if (objectType === 'database') {
      await client.query('SELECT pg_advisory_xact_lock(oid::bigint) FROM pg_database WHERE datname = $1', [
        database,
      ]);
    }
    await withRolesGranted(client, await ownersToGrant(client, objectType, schema), async () => {
      await client.query(`REVOKE ALL PRIVILEGES ON ${on} FROM ${ident(role)}`);
      if (privileges.length > 0)
        await client.query(`GRANT ${privileges.join(',')} ON ${on} TO ${ident(role)}`);
    });
  });
}

export async function createDefaultPrivileges(client: Client, a: Attributes): Promise<void> {
  const [role, owner, objectType] = [String(a.role), String(a.owner), String(a.object_type).toUpperCase()];
  const inSchema = a.schema ? `IN SCHEMA ${ident(String(a.schema))}` : '';
  const privileges = (a.privileges as string[]) ?? [];
  await inTransaction(client, async () => {
    await lockRole(client, owner);
    await withRolesGranted(client, [owner], async () => {
      await client.query(
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} ${inSchema} REVOKE ALL ON ${objectType}S FROM ${ident(role)}`,
      );
      if (privileges.length > 0) {
        await client.query(
          `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} ${inSchema} GRANT ${privileges.join(',')} ON ${objectType}S TO ${ident(role)}`,
        );
      }
    });
  });
}

export const emulatedResources: Readonly<Record<string, (client: Client, a: Attributes) => Promise<void>>> = {
  postgresql_role: createRole,
  postgresql_schema: createSchema,
  postgresql_grant: createGrant,
  postgresql_default_privileges: createDefaultPrivileges,
};

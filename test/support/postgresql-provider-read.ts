/**
 * EMULATION, part 3 of 3: what the cyrilgdn/postgresql provider v1.26.0 reads back into the state (on create and
 * on every refresh before a plan), and whether the next plan would then be empty. Followed at tag v1.26.0:
 *
 *   postgresql_role               resource_postgresql_role.go    resourcePostgreSQLRoleReadImpl (rolroles from
 *                                                                pg_auth_members, a set), readSearchPath,
 *                                                                readStatementTimeout, readRolePassword (state
 *                                                                password kept when the provider is not superuser)
 *   postgresql_schema             resource_postgresql_schema.go  resourcePostgreSQLSchemaReadImpl (owner, database)
 *   postgresql_grant              resource_postgresql_grant.go   resourcePostgreSQLGrantRead, checkRoleDBSchemaExists,
 *                                                                readDatabaseRolePrivileges, readSchemaRolePrivileges,
 *                                                                readRolePrivileges (every table or sequence of the
 *                                                                schema must carry exactly the configured privileges)
 *   postgresql_default_privileges resource_postgresql_default_privileges.go  resourcePostgreSQLDefaultPrivilegesRead,
 *                                                                readRoleDefaultPrivileges (none left = gone)
 *   helpers                       helpers.go                     resourcePrivilegesEqual (ALL = every privilege of
 *                                                                the type), getRoleOID (PUBLIC = 0)
 *
 * A grant on ALL TABLES IN SCHEMA is the known source of perpetual diffs (cyrilgdn/terraform-provider-postgresql
 * #106, #141): a table created after the grant without the privileges makes every later plan re-apply it.
 */
import type { Client } from 'pg';
import { one, type ProviderSession } from './postgresql-provider-emulation';
import { privilegesOfAll, type Attributes } from './postgresql-provider-inputs';

/** The attributes a Read sets in the state, or undefined when it finds the resource gone. */
type ReadBack = Attributes | undefined;

const RELATION_KINDS: Readonly<Record<string, string>> = { table: 'r', sequence: 'S' };

/** helpers.go resourcePrivilegesEqual. */
export function privilegesEqual(
  granted: readonly string[],
  wanted: readonly string[],
  objectType: string,
): boolean {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().every((p, i) => p === [...b].sort()[i]);
  return same(granted, wanted) || (wanted.includes('ALL') && same(granted, privilegesOfAll(objectType)));
}

async function roleOid(client: Client, role: string): Promise<number | undefined> {
  if (role === 'public') return 0;
  const oid = await one(client, 'SELECT oid FROM pg_roles WHERE rolname = $1', [role]);
  return oid === undefined ? undefined : Number(oid);
}

async function readRole(session: ProviderSession, a: Attributes): Promise<ReadBack> {
  const client = await session.client(session.database);
  const { rows } = await client.query(
    `SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolconnlimit, rolreplication,
            rolbypassrls, COALESCE(rolconfig, '{}') AS config,
            ARRAY(SELECT pg_get_userbyid(roleid)::text FROM pg_catalog.pg_auth_members members
                   WHERE member = pg_roles.oid ORDER BY 1) AS roles
       FROM pg_catalog.pg_roles WHERE rolname = $1`,
    [a.name],
  );
  if (rows.length === 0) return undefined;
  const [r] = rows;
  const setting = (name: string) =>
    (r.config as string[]).find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);
  const searchPath = setting('search_path');
  return {
    name: r.rolname,
    superuser: r.rolsuper,
    inherit: r.rolinherit,
    create_role: r.rolcreaterole,
    create_database: r.rolcreatedb,
    login: r.rolcanlogin,
    connection_limit: r.rolconnlimit,
    replication: r.rolreplication,
    bypass_row_level_security: r.rolbypassrls,
    // A set in the provider's schema: compared sorted.
    ...(a.roles === undefined ? {} : { roles: r.roles as string[] }),
    ...(searchPath === undefined
      ? {}
      : { search_path: searchPath.split(', ').map((p) => p.replace(/^"|"$/g, '')) }),
    statement_timeout: Number(setting('statement_timeout') ?? 0),
    // readRolePassword: a provider configured with superuser = false keeps the password of its state.
    ...(a.password === undefined ? {} : { password: a.password }),
  };
}

async function readSchema(session: ProviderSession, a: Attributes): Promise<ReadBack> {
  const database = String(a.database ?? session.database);
  const client = await session.client(database);
  const owner = await one(client, 'SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1', [
    a.name,
  ]);
  return owner === undefined ? undefined : { name: a.name, owner, database };
}

/** resource_postgresql_grant.go checkRoleDBSchemaExists: a missing database, role or schema makes the resource gone. */
async function targetExists(
  session: ProviderSession,
  a: Attributes,
  databaseLevel: boolean,
): Promise<boolean> {
  const home = await session.client(session.database);
  if ((await one(home, 'SELECT 1 FROM pg_database WHERE datname = $1', [a.database])) === undefined)
    return false;
  const client = await session.client(String(a.database));
  if ((await roleOid(client, String(a.role))) === undefined) return false;
  if (databaseLevel || !a.schema) return true;
  return (await one(client, 'SELECT 1 FROM pg_namespace WHERE nspname = $1', [a.schema])) !== undefined;
}

/** Privileges of `oid` on a database or schema, by aclexplode (an ACL still at its default reads as none). */
async function aclPrivileges(
  client: Client,
  catalog: 'pg_database' | 'pg_namespace',
  name: unknown,
  oid: number,
): Promise<string[]> {
  const [acl, key] = catalog === 'pg_database' ? ['datacl', 'datname'] : ['nspacl', 'nspname'];
  const sql = `SELECT acl.privilege_type FROM ${catalog}, aclexplode(${acl}) AS acl WHERE ${key} = $1 AND acl.grantee = $2`;
  return (await client.query(sql, [name, oid])).rows.map((r) => String(r.privilege_type));
}

async function readGrant(session: ProviderSession, a: Attributes): Promise<ReadBack> {
  const objectType = String(a.object_type);
  if (!(await targetExists(session, a, objectType === 'database'))) return undefined;
  const client = await session.client(String(a.database));
  const oid = (await roleOid(client, String(a.role))) as number;
  const wanted = a.privileges as string[];
  if (objectType === 'database')
    return { privileges: await aclPrivileges(client, 'pg_database', a.database, oid) };
  if (objectType === 'schema')
    return { privileges: await aclPrivileges(client, 'pg_namespace', a.schema, oid) };
  // Every relation of the type in the schema; the first whose privileges differ becomes the state's privileges.
  const { rows } = await client.query(
    `SELECT c.relname,
            ARRAY(SELECT privilege_type FROM aclexplode(c.relacl) AS acl WHERE acl.grantee = $3) AS privileges
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = $2
      ORDER BY c.relname`,
    [a.schema, RELATION_KINDS[objectType], oid],
  );
  const differing = rows.find((r) => !privilegesEqual(r.privileges as string[], wanted, objectType));
  return { privileges: differing ? (differing.privileges as string[]) : wanted };
}

async function readDefaultPrivileges(session: ProviderSession, a: Attributes): Promise<ReadBack> {
  if (!(await targetExists(session, a, false))) return undefined;
  const client = await session.client(String(a.database));
  const oid = (await roleOid(client, String(a.role))) as number;
  const { rows } = await client.query(
    `SELECT acl.privilege_type
       FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) AS acl
      WHERE d.defaclobjtype = $1 AND n.nspname = $2 AND acl.grantee = $3 AND pg_get_userbyid(acl.grantor) = $4`,
    [RELATION_KINDS[String(a.object_type)], a.schema, oid, a.owner],
  );
  const privileges = rows.map((r) => String(r.privilege_type));
  // readRoleDefaultPrivileges: nothing found for a non-empty configuration means the resource is gone.
  if (privileges.length === 0 && (a.privileges as string[]).length > 0) return undefined;
  return { privileges };
}

const readers: Readonly<Record<string, (session: ProviderSession, a: Attributes) => Promise<ReadBack>>> = {
  postgresql_role: readRole,
  postgresql_schema: readSchema,
  postgresql_grant: readGrant,
  postgresql_default_privileges: readDefaultPrivileges,
};

/**
 * What the next plan would change for one applied resource: nothing (an empty list), or the attributes whose
 * read-back differs from the configuration (`privileges` compared as a set), or its re-creation.
 */
export async function planChanges(
  session: ProviderSession,
  type: string,
  configured: Attributes,
): Promise<string[]> {
  const read = await readers[type](session, configured);
  if (read === undefined) return ['not found on the server: the next plan creates it again'];
  return Object.keys(read)
    .filter((key) => key in configured)
    .filter((key) =>
      key === 'privileges'
        ? !privilegesEqual(
            read.privileges as string[],
            configured.privileges as string[],
            String(configured.object_type),
          )
        : key === 'roles'
          ? JSON.stringify(read.roles) !== JSON.stringify([...(configured.roles as string[])].sort())
          : JSON.stringify(read[key]) !== JSON.stringify(configured[key]),
    )
    .map(
      (key) =>
        `${key}: configured ${JSON.stringify(configured[key])}, read back ${JSON.stringify(read[key])}`,
    );
}

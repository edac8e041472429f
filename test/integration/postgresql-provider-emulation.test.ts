/**
 * The EMULATED postgresql provider (test/support/postgresql-provider-*.ts, following cyrilgdn/terraform-provider-
 * postgresql v1.26.0) on a real PostgreSQL 15: it refuses what it does not implement, runs the provider's own
 * input checks, works in the database a resource names, and reports a resource whose read-back differs from its
 * configuration, so that the access-model proof fails where a real deploy would.
 */
import type { Client } from 'pg';
import type { Block, TerraformJson } from '../../synth/terraform-json';
import {
  ACCESS_RESOURCE_TYPES,
  emulatedApply,
  planChangesOf,
  type AppliedState,
} from '../support/emulated-apply';
import { startLocalPostgres, type LocalPostgres } from '../support/local-postgres';
import type { ProviderSession } from '../support/postgresql-provider-emulation';

jest.setTimeout(120_000);

const MASTER = 'provider_master';
const PASSWORD = 'provider-master-password';

let server: LocalPostgres;
let superuser: Client;
let databases = 0;
/** What a test created, removed after it: roles are shared by every database of the server. */
const created = { databases: [] as string[], clients: [] as Promise<Client>[] };

beforeAll(async () => {
  server = await startLocalPostgres();
  superuser = await server.connect('postgres', 'postgres');
  await superuser.query(`CREATE ROLE ${MASTER} LOGIN CREATEROLE CREATEDB PASSWORD '${PASSWORD}'`);
});

afterEach(async () => {
  await Promise.all(created.clients.splice(0).map(async (c) => (await c).end()));
  for (const database of created.databases.splice(0)) await superuser.query(`DROP DATABASE ${database}`);
  const roles = await superuser.query(
    "SELECT rolname FROM pg_roles WHERE rolname IN ('reader', 'owner', 'r')",
  );
  for (const { rolname } of roles.rows) await superuser.query(`DROP ROLE ${rolname}`);
});

afterAll(async () => {
  await server?.stop();
});

/** A fresh database owned by the (non-superuser) master, and the provider's session on it. */
async function freshDatabase(): Promise<{ database: string; session: ProviderSession }> {
  const database = `emulation_${++databases}`;
  await superuser.query(`CREATE DATABASE ${database} OWNER ${MASTER}`);
  created.databases.push(database);
  const clients = new Map<string, Promise<Client>>();
  const session: ProviderSession = {
    database,
    client(name) {
      if (!clients.has(name)) {
        clients.set(name, server.connect(MASTER, name, PASSWORD));
        created.clients.push(clients.get(name) as Promise<Client>);
      }
      return clients.get(name) as Promise<Client>;
    },
  };
  return { database, session };
}

const stackOf = (resources: Record<string, Record<string, Block>>): TerraformJson => ({
  resource: resources,
});

/** Applies a hand-written stack type by type, as a first deploy orders them (it holds no references). */
async function applyInOrder(
  session: ProviderSession,
  stack: TerraformJson,
  state: AppliedState,
): Promise<void> {
  for (const type of ACCESS_RESOURCE_TYPES) await emulatedApply(session, stack, [type], state);
}

/** Applies `resources` (all types) to a fresh database; returns the session, database and state. */
async function apply(resources: (database: string) => Record<string, Record<string, Block>>) {
  const { database, session } = await freshDatabase();
  const stack = stackOf(resources(database));
  const state: AppliedState = new Map();
  await applyInOrder(session, stack, state);
  return { database, session, state };
}

const reader = { postgresql_role: { reader: { name: 'reader' } } };

describe('arguments the emulation does not implement are refused, not ignored', () => {
  test.each([
    ['postgresql_grant', 'with_grant_option', true],
    ['postgresql_grant', 'objects', ['t']],
    ['postgresql_grant', 'columns', ['id']],
    ['postgresql_role', 'valid_until', '2030-01-01'],
    ['postgresql_schema', 'policy', [{ usage: true, role: 'reader' }]],
  ])('%s.%s', async (type, argument, value) => {
    const blocks: Record<string, Block> = {
      postgresql_grant: {
        role: 'reader',
        database: 'x',
        schema: 's',
        object_type: 'table',
        privileges: ['SELECT'],
      },
      postgresql_role: { name: 'r2' },
      postgresql_schema: { name: 's2' },
    };
    await expect(apply(() => ({ [type]: { x: { ...blocks[type], [argument]: value } } }))).rejects.toThrow(
      `the emulation does not implement ${type}.${argument}`,
    );
  });

  test('an object type whose SQL it does not implement', async () => {
    await expect(
      apply((db) => ({
        ...reader,
        postgresql_grant: {
          f: {
            role: 'reader',
            database: db,
            schema: 'public',
            object_type: 'function',
            privileges: ['EXECUTE'],
          },
        },
      })),
    ).rejects.toThrow('the emulation does not implement postgresql_grant with object_type function');
  });
});

describe("the provider's own checks", () => {
  test('privileges are matched exactly: lowercase is refused as the provider refuses it', async () => {
    await expect(
      apply((db) => ({
        ...reader,
        postgresql_grant: {
          g: { role: 'reader', database: db, schema: 'public', object_type: 'table', privileges: ['select'] },
        },
      })),
    ).rejects.toThrow('select is not an allowed privilege for object type table');
  });

  test('a privilege of another object type is refused', async () => {
    await expect(
      apply((db) => ({
        ...reader,
        postgresql_grant: {
          g: {
            role: 'reader',
            database: db,
            schema: 'public',
            object_type: 'sequence',
            privileges: ['INSERT'],
          },
        },
      })),
    ).rejects.toThrow('INSERT is not an allowed privilege for object type sequence');
  });

  test('a grant below the database needs a schema', async () => {
    await expect(
      apply((db) => ({
        ...reader,
        postgresql_grant: {
          g: { role: 'reader', database: db, object_type: 'table', privileges: ['SELECT'] },
        },
      })),
    ).rejects.toThrow("parameter 'schema' is mandatory for postgresql_grant resource");
  });

  test('a grant in a schema that does not exist fails looking for its owner', async () => {
    await expect(
      apply((db) => ({
        ...reader,
        postgresql_grant: {
          g: { role: 'reader', database: db, schema: 'nope', object_type: 'table', privileges: ['SELECT'] },
        },
      })),
    ).rejects.toThrow("could not find schema 'nope' while looking for owner");
  });

  test('a connection limit below -1 is refused', async () => {
    await expect(
      apply(() => ({ postgresql_role: { r: { name: 'r', connection_limit: -2 } } })),
    ).rejects.toThrow('expected connection_limit to be at least (-1), got -2');
  });
});

describe('what it creates', () => {
  test('a schema without an owner gets no AUTHORIZATION clause: the provider user owns it', async () => {
    const { session } = await apply(() => ({ postgresql_schema: { s: { name: 'ownerless' } } }));
    const client = await session.client(session.database);
    const owner = await client.query(
      "SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'ownerless'",
    );
    expect(owner.rows).toEqual([{ owner: MASTER }]);
  });

  test("a resource works in the database it names, not the provider's", async () => {
    const { database: home, session } = await freshDatabase();
    const { database: other } = await freshDatabase();
    const stack = stackOf({
      ...reader,
      postgresql_schema: { s: { name: 'elsewhere', database: other } },
      postgresql_grant: {
        g: { role: 'reader', database: other, object_type: 'database', privileges: ['CONNECT', 'TEMPORARY'] },
      },
    });
    await applyInOrder(session, stack, new Map());
    const rights = await superuser.query(
      `SELECT datname, has_database_privilege('reader', datname, 'TEMPORARY') AS temp FROM pg_database WHERE datname IN ($1, $2) ORDER BY datname = $2`,
      [home, other],
    );
    expect(rights.rows).toEqual([
      { datname: home, temp: true }, // PUBLIC's default: the grant did not touch it
      { datname: other, temp: true },
    ]);
    const where = async (db: string) =>
      (
        await (
          await session.client(db)
        ).query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'elsewhere'")
      ).rows[0].n;
    expect([await where(home), await where(other)]).toEqual([0, 1]);
  });
});

describe('read-back: the next plan', () => {
  test('role memberships (resource_postgresql_role.go grantRoles): granted on create, read back as a set; one revoked outside Terraform shows', async () => {
    const { database, session, state } = await apply(() => ({
      postgresql_role: { reader: { name: 'reader', roles: ['pg_read_all_settings', 'pg_monitor'] } },
    }));
    expect(await planChangesOf(session, state)).toEqual([]);
    const admin = await server.connect('postgres', database);
    await admin.query('REVOKE pg_read_all_settings FROM reader');
    await admin.end();
    expect(await planChangesOf(session, state)).toEqual([
      'postgresql_role.reader: roles: configured ["pg_read_all_settings","pg_monitor"], read back ["pg_monitor"]',
    ]);
  });

  test('is empty for what converges', async () => {
    const { session, state } = await apply((db) => ({
      ...reader,
      postgresql_role: {
        ...reader.postgresql_role,
        owner: { name: 'owner', search_path: ['s'], statement_timeout: 5000 },
      },
      postgresql_schema: { s: { name: 's', owner: 'owner', database: db } },
      postgresql_grant: {
        usage: { role: 'reader', database: db, schema: 's', object_type: 'schema', privileges: ['USAGE'] },
        tables: { role: 'reader', database: db, schema: 's', object_type: 'table', privileges: ['SELECT'] },
        all: { role: 'owner', database: db, object_type: 'database', privileges: ['ALL'] },
      },
    }));
    expect(await planChangesOf(session, state)).toEqual([]);
  });

  test('reports a grant on ALL TABLES that a later table escapes (a perpetual diff)', async () => {
    const { database, session, state } = await apply((db) => ({
      ...reader,
      postgresql_role: { ...reader.postgresql_role, owner: { name: 'owner' } },
      postgresql_schema: { s: { name: 's', owner: 'owner', database: db } },
      postgresql_grant: {
        tables: { role: 'reader', database: db, schema: 's', object_type: 'table', privileges: ['SELECT'] },
      },
    }));
    const owner = await server.connect('postgres', database);
    await owner.query('SET ROLE owner');
    await owner.query('CREATE TABLE s.created_later (id int)');
    await owner.end();
    expect(await planChangesOf(session, state)).toEqual([
      'postgresql_grant.tables: privileges: configured ["SELECT"], read back []',
    ]);
  });

  test('reports a role changed and a default privilege removed outside Terraform', async () => {
    const { database, session, state } = await apply((db) => ({
      ...reader,
      postgresql_role: { ...reader.postgresql_role, owner: { name: 'owner' } },
      postgresql_schema: { s: { name: 's', owner: 'owner', database: db } },
      postgresql_default_privileges: {
        later: {
          role: 'reader',
          database: db,
          schema: 's',
          owner: 'owner',
          object_type: 'table',
          privileges: ['SELECT'],
        },
      },
    }));
    const admin = await server.connect('postgres', database);
    await admin.query('ALTER ROLE reader CONNECTION LIMIT 3');
    await admin.query(
      'ALTER DEFAULT PRIVILEGES FOR ROLE owner IN SCHEMA s REVOKE SELECT ON TABLES FROM reader',
    );
    await admin.end();
    expect((await planChangesOf(session, state)).sort()).toEqual([
      'postgresql_default_privileges.later: not found on the server: the next plan creates it again',
      'postgresql_role.reader: connection_limit: configured -1, read back 3',
    ]);
  });
});

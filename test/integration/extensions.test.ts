/**
 * The extensions on a real PostgreSQL 15: dev's synthesized access model applied (provider SQL emulated, see
 * support/postgresql-provider-emulation.ts and support/postgresql-extension-emulation.ts) by a master that, like
 * RDS's, is not a superuser; then each application role logs in with its generated password and uses what the
 * extensions offer, without owning them, and without any right on schema public.
 */
import type { Client } from 'pg';
import { dev } from '../../environments/dev';
import {
  ACCESS_RESOURCE_TYPES,
  emulatedApply,
  rolePassword,
  type AppliedState,
} from '../support/emulated-apply';
import { startLocalPostgres, type LocalPostgres } from '../support/local-postgres';
import { applyExtensions } from '../support/postgresql-extension-emulation';
import { createRdsLikeDatabase } from '../support/rds-like-database';
import { synthEnvironment } from '../support/synth';

jest.setTimeout(120_000);

const { extensions } = dev.databaseAccess;
const appRoles = Object.values(dev.cluster.apps).map((a) => a.databaseRole);

describe('extensions of dev on PostgreSQL 15', () => {
  const stack = synthEnvironment(dev);
  const state: AppliedState = new Map();
  let server: LocalPostgres;
  let superuser: Client;
  let created: Map<string, string>;
  const login = (role: string) =>
    server.connect(role, dev.database.databaseName, String(rolePassword(state, role)));

  beforeAll(async () => {
    // Like RDS's parameter group: pg_stat_statements preloaded.
    server = await startLocalPostgres({ settings: { shared_preload_libraries: "'pg_stat_statements'" } });
    try {
      const master = await createRdsLikeDatabase(server, dev);
      superuser = await server.connect('postgres', dev.database.databaseName);
      await emulatedApply(master, stack, ACCESS_RESOURCE_TYPES, state);
      created = await applyExtensions(stack, master, superuser);
      await master.end();
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- postgres log ---\n${server.logTail()}`);
    }
  });

  afterAll(async () => {
    await superuser?.end();
    await server?.stop();
  });

  test(`${extensions.names.join(', ')} exist in schema ${extensions.schema}, owned by the master user (postgres where it stands in for rds_superuser)`, async () => {
    const rows = await superuser.query(
      `SELECT e.extname AS name, n.nspname AS schema, pg_get_userbyid(e.extowner) AS owner
         FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1`,
    );
    console.log(`created: ${[...created].map(([n, by]) => `${n} by ${by}`).join(', ')}`);
    expect(rows.rows).toEqual(
      [...extensions.names].sort().map((name) => ({
        name,
        schema: extensions.schema,
        owner: created.get(name) === 'master' ? dev.database.masterUsername : 'postgres',
      })),
    );
  });

  describe.each(appRoles.map((r) => [r]))('%s', (role) => {
    let client: Client;
    beforeAll(async () => (client = await login(role)));
    afterAll(async () => client?.end());

    test('finds the extensions through its search_path, after its own schema', async () => {
      const path = await client.query('SHOW search_path');
      const own = dev.databaseAccess.schemas.find((s) => s.owner === role)?.name;
      expect(path.rows[0].search_path).toBe(`${own}, ${extensions.schema}`);
    });

    test('uses similarity(), the % operator and unaccent()', async () => {
      const result = await client.query(
        "SELECT similarity('lightwave media', 'lightwave medias') > 0.5 AS close, 'lightwave' % 'lightwav' AS trigram, unaccent('Crème Brûlée à Noël') AS plain",
      );
      expect(result.rows[0]).toEqual({ close: true, trigram: true, plain: 'Creme Brulee a Noel' });
    });

    test('builds a trigram index in its own schema and searches with it', async () => {
      await client.query('CREATE TABLE search_probe (title text)');
      await client.query(
        "INSERT INTO search_probe VALUES ('Behind the scenes'), ('Color grading'), ('Sound design')",
      );
      await client.query('CREATE INDEX search_probe_trgm ON search_probe USING gin (title gin_trgm_ops)');
      const found = await client.query(
        "SELECT title FROM search_probe WHERE title % 'colour grading' ORDER BY 1",
      );
      expect(found.rows.map((r) => r.title)).toEqual(['Color grading']);
      await client.query('DROP TABLE search_probe');
    });

    test('reads its own statements from pg_stat_statements', async () => {
      const stats = await client.query(
        'SELECT count(*)::int AS n FROM pg_stat_statements WHERE userid = (SELECT oid FROM pg_roles WHERE rolname = current_user)',
      );
      expect(stats.rows[0].n).toBeGreaterThan(0);
    });

    test("an app migration's CREATE EXTENSION IF NOT EXISTS is a no-op; DROP and CREATE in the schema are refused", async () => {
      await expect(client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm')).resolves.toBeDefined();
      await expect(client.query('DROP EXTENSION pg_trgm')).rejects.toThrow(/must be owner/);
      await expect(client.query(`CREATE TABLE ${extensions.schema}.intruder (id int)`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(
        client.query(
          `CREATE FUNCTION ${extensions.schema}.similarity(text, text) RETURNS real LANGUAGE sql AS 'SELECT 1::real'`,
        ),
      ).rejects.toThrow(/permission denied/);
    });

    test('has no right on schema public', async () => {
      const rights = await client.query(
        "SELECT has_schema_privilege('public', 'USAGE') AS usage, has_schema_privilege('public', 'CREATE') AS create",
      );
      expect(rights.rows[0]).toEqual({ usage: false, create: false });
    });
  });

  test('PUBLIC gained nothing: no role without a grant can use the extensions schema or public', async () => {
    await superuser.query("CREATE ROLE outsider LOGIN PASSWORD 'outsider-password'");
    await superuser.query(`GRANT CONNECT ON DATABASE ${dev.database.databaseName} TO outsider`);
    const rights = await superuser.query(
      `SELECT has_schema_privilege('outsider', '${extensions.schema}', 'USAGE') AS extensions,
              has_schema_privilege('outsider', 'public', 'USAGE') AS public_usage,
              has_schema_privilege('outsider', 'public', 'CREATE') AS public_create`,
    );
    expect(rights.rows[0]).toEqual({ extensions: false, public_usage: false, public_create: false });
  });
});

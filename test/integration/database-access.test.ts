/**
 * The access model on a real PostgreSQL 15: the postgresql_* resources are read from the synthesized JSON of each
 * environment and applied (provider SQL emulated, see support/postgresql-provider-emulation.ts) by a master that,
 * like RDS's, is not a superuser. Then every login role logs in with its generated password and tries, in every
 * schema: usage, read, write, CREATE TABLE; plus a role nobody declared, standing for PUBLIC.
 *
 * Order mirrors a real deployment: roles and schemas first, then the owners' migrations create tables, then the
 * grants; the owners create more tables afterwards, which readers must see through default privileges.
 */
import type { Client } from 'pg';
import { environments } from '../../environments';
import type { EnvironmentConfig } from '../../environments/config';
import {
  describeRights,
  EXISTING_TABLE,
  expectedRights,
  formatMatrix,
  LATER_TABLE,
  probe,
  type Rights,
} from '../support/access-matrix';
import { ACCESS_RESOURCE_TYPES, emulatedApply, type AppliedState } from '../support/emulated-apply';
import { startLocalPostgres, type LocalPostgres } from '../support/local-postgres';
import { createRdsLikeDatabase } from '../support/rds-like-database';
import { synthEnvironment } from '../support/synth';

jest.setTimeout(120_000);

const OUTSIDER = 'outsider'; // a login role the model does not declare: what PUBLIC may do

async function createTables(superuser: Client, env: EnvironmentConfig, table: string): Promise<void> {
  for (const schema of env.databaseAccess.schemas) {
    await superuser.query(`SET ROLE "${schema.owner}"`);
    await superuser.query(`CREATE TABLE "${schema.name}".${table} (id serial PRIMARY KEY, note text)`);
    await superuser.query(`INSERT INTO "${schema.name}".${table} (note) VALUES ('fixture')`);
    await superuser.query('RESET ROLE');
  }
}

describe.each(environments.map((env) => [env.name, env] as const))(
  'access model of %s on PostgreSQL 15',
  (name, env) => {
    const dbName = env.database.databaseName;
    const schemas = env.databaseAccess.schemas.map((s) => s.name);
    const loginRoles = env.databaseAccess.roles.filter((r) => r.login).map((r) => r.name);
    const stack = synthEnvironment(env);
    const state: AppliedState = new Map();
    const passwords = new Map<string, string>([[OUTSIDER, 'outsider-password']]);
    const matrix = new Map<string, Rights | 'cannot connect'>();
    let server: LocalPostgres;
    let superuser: Client;

    const login = (role: string) => server.connect(role, dbName, passwords.get(role));

    beforeAll(async () => {
      server = await startLocalPostgres();
      try {
        const master = await createRdsLikeDatabase(server, env);
        const bootstrap = await server.connect('postgres', dbName);
        await bootstrap.query(`CREATE ROLE ${OUTSIDER} LOGIN PASSWORD '${passwords.get(OUTSIDER)}'`);
        await bootstrap.end();
        superuser = await server.connect('postgres', dbName);

        await emulatedApply(
          master,
          stack,
          ['random_password', 'postgresql_role', 'postgresql_schema'],
          state,
        );
        await createTables(superuser, env, EXISTING_TABLE);
        await emulatedApply(master, stack, ['postgresql_grant', 'postgresql_default_privileges'], state);
        await createTables(superuser, env, LATER_TABLE);
        await master.end();

        for (const role of loginRoles) {
          passwords.set(role, String(state.get(`postgresql_role.database_access_role_${role}`)?.password));
        }
        for (const role of [...loginRoles, OUTSIDER]) {
          let client: Client;
          try {
            client = await login(role);
          } catch {
            matrix.set(role, 'cannot connect');
            continue;
          }
          for (const schema of schemas) matrix.set(`${role} ${schema}`, await probe(client, schema));
          await client.end();
        }
      } catch (error) {
        throw new Error(`${(error as Error).message}\n--- postgres log ---\n${server.logTail()}`);
      }
    });

    afterAll(async () => {
      await superuser?.end();
      await server?.stop();
    });

    test('every declared resource applied, with a non-superuser master', async () => {
      const declared = ACCESS_RESOURCE_TYPES.flatMap((t) =>
        Object.keys(stack.resource?.[t] ?? {}).map((n) => `${t}.${n}`),
      );
      expect([...state.keys()].sort()).toEqual(declared.sort());
      const master = await superuser.query('SELECT rolsuper FROM pg_roles WHERE rolname = $1', [
        env.database.masterUsername,
      ]);
      expect(master.rows[0].rolsuper).toBe(false);
    });

    test('the matrix of roles × schemas is exactly what the model declares', () => {
      const rows = new Map<string, string[]>();
      for (const role of [...loginRoles, OUTSIDER]) {
        rows.set(
          role,
          schemas.map((schema) =>
            describeRights(
              matrix.get(role) === 'cannot connect'
                ? 'cannot connect'
                : (matrix.get(`${role} ${schema}`) as Rights),
            ),
          ),
        );
      }
      console.log(`access matrix of ${name} (probed on PostgreSQL 15):\n${formatMatrix(schemas, rows)}`);

      for (const role of loginRoles) {
        for (const schema of schemas) {
          expect({ role, schema, rights: matrix.get(`${role} ${schema}`) }).toEqual({
            role,
            schema,
            rights: expectedRights(env.databaseAccess, role, schema),
          });
        }
      }
    });

    test('PUBLIC cannot connect: a role the model does not declare is refused', async () => {
      expect(matrix.get(OUTSIDER)).toBe('cannot connect');
      await expect(login(OUTSIDER)).rejects.toThrow(/permission denied for database/);
    });

    /** Runs `check` logged in as `role`; the connection is closed whatever happens. */
    async function asRole(role: string, check: (client: Client) => Promise<void>): Promise<void> {
      const client = await login(role);
      try {
        await check(client);
      } finally {
        await client.end();
      }
    }

    test('PUBLIC has no rights on schema public and no temporary tables', async () => {
      for (const role of loginRoles) {
        await asRole(role, async (client) => {
          const rights = await probe(client, 'public');
          expect({ role, usage: rights.usage, create: rights.createTable }).toEqual({
            role,
            usage: false,
            create: false,
          });
          await expect(client.query('CREATE TEMP TABLE scratch (id int)')).rejects.toThrow(
            /permission denied/,
          );
        });
      }
    });

    test('search_path, statement_timeout and connection limit are set on each login role', async () => {
      for (const config of env.databaseAccess.roles) {
        if (!config.login) continue;
        const owned = env.databaseAccess.schemas.find((s) => s.owner === config.name)?.name;
        await asRole(config.name, async (client) => {
          expect((await client.query('SHOW search_path')).rows[0].search_path).toBe(
            `${owned}, ${env.databaseAccess.extensions.schema}`,
          );
          await client.query('CREATE TABLE lands_here (id int)');
          const landed = await client.query('SELECT to_regclass($1) AS t', [`${owned}.lands_here`]);
          expect(landed.rows[0].t).not.toBeNull();
          const timeout = await client.query(
            "SELECT setting FROM pg_settings WHERE name = 'statement_timeout'",
          );
          expect(Number(timeout.rows[0].setting)).toBe(config.statementTimeoutMs);
        });
        const limit = await superuser.query('SELECT rolconnlimit FROM pg_roles WHERE rolname = $1', [
          config.name,
        ]);
        expect(limit.rows[0].rolconnlimit).toBe(config.connectionLimit);
      }
    });

    test('reserved product roles exist but cannot log in', async () => {
      for (const config of env.databaseAccess.roles.filter((r) => !r.login)) {
        const role = await superuser.query('SELECT rolcanlogin FROM pg_roles WHERE rolname = $1', [
          config.name,
        ]);
        expect(role.rows).toEqual([{ rolcanlogin: false }]);
      }
    });
  },
);

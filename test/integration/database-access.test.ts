/**
 * The access model on a real PostgreSQL 15: the postgresql_* resources are read from the synthesized JSON of each
 * environment and applied by a master that, like RDS's, is not a superuser (the provider is EMULATED, following its
 * v1.26.0 source: test/support/postgresql-provider-*.ts). Then every role (and one nobody declared, standing for
 * PUBLIC) tries every operation in every schema, and the probed matrix must equal the one derived from the model.
 *
 * Order mirrors a real deployment: roles and schemas first, then the owners' migrations create objects, then the
 * grants; the owners create more objects afterwards, which readers must reach through default privileges. Only
 * then does the provider's refresh run: the next plan must be empty.
 */
import type { Client } from 'pg';
import { environments } from '../../environments';
import type { EnvironmentConfig } from '../../environments/config';
import {
  createProbeObjects,
  diffAccessMatrices,
  expectedAccessMatrix,
  formatAccessMatrix,
  GENERATIONS,
  probeAccessMatrix,
  type AccessMatrix,
  type Generation,
} from '../support/access-matrix';
import { emulatedApply, planChangesOf, type AppliedState } from '../support/emulated-apply';
import { startLocalPostgres, type LocalPostgres } from '../support/local-postgres';
import type { ProviderSession } from '../support/postgresql-provider-emulation';
import { createRdsLikeDatabase, MASTER_PASSWORD } from '../support/rds-like-database';
import { synthEnvironment } from '../support/synth';
import type { TerraformJson } from '../../synth/terraform-json';

jest.setTimeout(180_000);

const OUTSIDER = 'outsider'; // a login role the model does not declare: what PUBLIC may do
const OUTSIDER_PASSWORD = 'outsider-password';

/** The postgresql provider as the stack configures it (its database and user), connected to the local server. */
function providerSession(server: LocalPostgres, stack: TerraformJson): ProviderSession {
  const config = stack.provider?.postgresql?.[0] as { database: string; username: string };
  const clients = new Map<string, Promise<Client>>();
  return {
    database: config.database,
    client(database) {
      if (!clients.has(database))
        clients.set(database, server.connect(config.username, database, MASTER_PASSWORD));
      return clients.get(database) as Promise<Client>;
    },
  };
}

/** The owners' migrations: probe objects in every declared schema, and in `public` as the database owner. */
async function migrate(superuser: Client, env: EnvironmentConfig, generation: Generation): Promise<void> {
  for (const schema of env.databaseAccess.schemas) {
    await createProbeObjects(superuser, schema.name, schema.owner, generation);
  }
  await createProbeObjects(superuser, 'public', env.database.masterUsername, generation);
}

/** The generated password of each login role, from the applied random_password resources. */
function passwordsOf(state: AppliedState): Map<string, string> {
  const roles = [...state].filter(([address]) => address.startsWith('postgresql_role.'));
  return new Map(
    roles.flatMap(([, role]) => (role.password ? [[String(role.name), String(role.password)]] : [])),
  );
}

describe.each(environments.map((env) => [env.name, env] as const))(
  'access model of %s on PostgreSQL 15',
  (name, env) => {
    const dbName = env.database.databaseName;
    const schemas = [...env.databaseAccess.schemas.map((s) => s.name), 'public'];
    const roles = [...env.databaseAccess.roles.map((r) => r.name), OUTSIDER];
    const state: AppliedState = new Map();
    let server: LocalPostgres;
    let superuser: Client;
    let passwords: Map<string, string>;
    let matrix: AccessMatrix;
    let nextPlan: string[];

    const login = (role: string, password = passwords.get(role)) => server.connect(role, dbName, password);

    beforeAll(async () => {
      server = await startLocalPostgres();
      try {
        const stack = synthEnvironment(env);
        await (await createRdsLikeDatabase(server, env)).end();
        superuser = await server.connect('postgres', dbName);
        await superuser.query(`CREATE ROLE ${OUTSIDER} LOGIN PASSWORD '${OUTSIDER_PASSWORD}'`);
        const session = providerSession(server, stack);

        await emulatedApply(
          session,
          stack,
          ['random_password', 'postgresql_role', 'postgresql_schema'],
          state,
        );
        await migrate(superuser, env, GENERATIONS[0]);
        await emulatedApply(session, stack, ['postgresql_grant', 'postgresql_default_privileges'], state);
        await migrate(superuser, env, GENERATIONS[1]);
        nextPlan = await planChangesOf(session, state);

        passwords = new Map([...passwordsOf(state), [OUTSIDER, OUTSIDER_PASSWORD]]);
        matrix = await probeAccessMatrix(
          { superuser, login },
          roles.map((role) => ({ name: role, password: passwords.get(role) })),
          schemas,
        );
      } catch (error) {
        throw new Error(`${(error as Error).message}\n--- postgres log ---\n${server.logTail()}`);
      }
    });

    afterAll(async () => {
      await server?.stop();
    });

    test('every role can do in every schema exactly what the model declares, nothing more', () => {
      console.log(`access matrix of ${name} (probed on PostgreSQL 15):\n${formatAccessMatrix(matrix)}`);
      expect(diffAccessMatrices(expectedAccessMatrix(env.databaseAccess, roles, schemas), matrix)).toEqual(
        [],
      );
    });

    test('the next plan would be empty: every resource reads back as configured', () => {
      expect(nextPlan).toEqual([]);
    });

    test('PUBLIC cannot connect: a role the model does not declare is refused', async () => {
      await expect(login(OUTSIDER)).rejects.toThrow(/permission denied for database/);
    });

    test('search_path, statement_timeout and connection limit are set on each login role', async () => {
      for (const config of env.databaseAccess.roles) {
        if (!config.login) continue;
        const owned = env.databaseAccess.schemas.find((s) => s.owner === config.name)?.name;
        const client = await login(config.name);
        try {
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
        } finally {
          await client.end();
        }
        const limit = await superuser.query('SELECT rolconnlimit FROM pg_roles WHERE rolname = $1', [
          config.name,
        ]);
        expect(limit.rows[0].rolconnlimit).toBe(config.connectionLimit);
      }
    });
  },
);

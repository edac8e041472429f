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
import {
  diffAccessMatrices,
  expectedAccessMatrix,
  formatAccessMatrix,
  OUTSIDER,
  probeAccessMatrix,
  probedSchemas,
  type AccessMatrix,
} from '../support/access-matrix';
import { deployAccessLayer, type DeployedAccessLayer } from '../support/deployed-access-layer';
import { startLocalPostgres, type LocalPostgres } from '../support/local-postgres';
import { reservedIn, withLaunched } from '../support/products';
import { synthEnvironment, withChange } from '../support/synth';

jest.setTimeout(180_000);

/**
 * Neither environment declares a whole-schema reader today (Django reads Payload through its API), so the readers'
 * grants and default privileges are proven on a variant of dev in which payload_user reads django's schema.
 */
const [dev] = environments;
const devWithReader = withChange(dev, (copy) => {
  const django = copy.databaseAccess.schemas.find((schema) => schema.name === 'django');
  if (!django) throw new Error('dev declares no django schema');
  django.readers = ['payload_user'];
});

/** A reserved product launched by its one config change (test/product-launch.test.ts reads the rest of its wiring). */
const [firstReserved] = reservedIn(dev);
const devWithLaunch = withLaunched(dev, [firstReserved]);

describe.each([
  ...environments.map((env) => [env.name, env] as const),
  ['dev with payload_user reading django', devWithReader] as const,
  [`dev with ${firstReserved} launched`, devWithLaunch] as const,
])('access model of %s on PostgreSQL 15', (name, env) => {
  const dbName = env.database.databaseName;
  const schemas = probedSchemas(env.databaseAccess);
  const roles = [
    ...env.databaseAccess.roles.map((r) => r.name),
    env.databaseAccess.monitoringRole.name,
    OUTSIDER.name,
  ];
  let server: LocalPostgres;
  let superuser: Client;
  let deployed: DeployedAccessLayer;
  let matrix: AccessMatrix;

  const login = (role: string, password = deployed.password(role)) => server.connect(role, dbName, password);

  beforeAll(async () => {
    server = await startLocalPostgres();
    try {
      deployed = await deployAccessLayer(server, env, synthEnvironment(env));
      superuser = await server.connect('postgres', dbName);
      matrix = await probeAccessMatrix(
        { superuser, login },
        roles.map((role) => ({ name: role, password: deployed.password(role) })),
        schemas,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- postgres log ---\n${server.logTail()}`);
    }
  });

  afterAll(async () => {
    await superuser?.end();
    await server?.stop();
  });

  test('every role can do in every schema exactly what the model declares, nothing more', () => {
    console.log(`access matrix of ${name} (probed on PostgreSQL 15):\n${formatAccessMatrix(matrix)}`);
    expect(diffAccessMatrices(expectedAccessMatrix(env.databaseAccess, roles, schemas), matrix)).toEqual([]);
  });

  test("each product's login role reads, writes and deletes in its own schema only", () => {
    const write = [
      'existing table select',
      'existing table insert',
      'existing table update',
      'existing table delete',
    ];
    for (const role of env.databaseAccess.roles.filter((r) => r.login)) {
      const rwd = Object.keys(matrix[role.name]).filter((scope) =>
        write.every((op) => matrix[role.name][scope].includes(op)),
      );
      const owned = env.databaseAccess.schemas.filter((s) => s.owner === role.name).map((s) => s.name);
      expect({ role: role.name, rwd }).toEqual({ role: role.name, rwd: owned });
    }
  });

  test('the next plan would be empty: every resource reads back as configured', () => {
    expect(deployed.nextPlan).toEqual([]);
  });

  test('PUBLIC cannot connect: a role the model does not declare is refused', async () => {
    await expect(login(OUTSIDER.name)).rejects.toThrow(/permission denied for database/);
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

  test('reserved product roles exist but cannot log in', async () => {
    for (const config of env.databaseAccess.roles.filter((r) => !r.login)) {
      const role = await superuser.query('SELECT rolcanlogin FROM pg_roles WHERE rolname = $1', [
        config.name,
      ]);
      expect({ role: config.name, rows: role.rows }).toEqual({
        role: config.name,
        rows: [{ rolcanlogin: false }],
      });
    }
  });
});

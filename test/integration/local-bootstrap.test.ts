/**
 * The local setup on real components: the generated bootstrap (local/postgres/bootstrap.sh, psql 15) on a real
 * PostgreSQL 15 as the official image leaves it, then the generated pgbouncer.ini and userlist on the PgBouncer the
 * tests use (test/support/shipped-pgbouncer.ts), reached with the applications' own .env URLs.
 */
import { Client } from 'pg';
import { sessionDatabaseName } from '../../charts/pgbouncer/ini-options';
import { contractsOf } from '../../contract/lookup';
import { applicationContract } from '../../contract/services';
import type { ServiceContract, VariableSource } from '../../contract/variables';
import { local } from '../../environments/local';
import type { LocalConfig } from '../../environments/parts/local';
import { QUOTED_KEYWORDS } from '../../environments/sql-identifiers';
import { BOOTSTRAP_STEPS } from '../../local-dev/postgres';
import { bootGeneratedPgBouncer, startLocalBootstrap, type LocalBootstrap } from '../support/local-bootstrap';
import { environmentFor, resolvePgBouncer, type RunningPgBouncer } from '../support/shipped-pgbouncer';

jest.setTimeout(120_000);

const env = local.basedOn;
const dbName = env.database.databaseName;
const logins = env.databaseAccess.roles.filter((r) => r.login);
const binary = resolvePgBouncer(env.cluster.pgbouncer.version);
// The ini rendered for the PgBouncer that runs (the shipped one; the installed one where ../shared is absent).
const localConfig: LocalConfig = { ...local, basedOn: environmentFor(env, binary) };

let bootstrap: LocalBootstrap;
let firstRun: string;
beforeAll(async () => {
  bootstrap = await startLocalBootstrap(localConfig);
  firstRun = bootstrap.run();
});
afterAll(async () => {
  await bootstrap?.stop();
});

const password = (role: string) => bootstrap.credentials().get(`password_${role}`) as string;
const login = (role: string, secret = password(role)) => bootstrap.server.connect(role, dbName, secret);

async function superuserQuery(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = await bootstrap.server.connect('postgres', dbName);
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL 15 bootstrapped by the generated files', () => {
  test('the bootstrap says what it did', () => {
    expect(firstRun).toContain(`${dbName}: bootstrap steps done: ${BOOTSTRAP_STEPS.join(' ')}`);
  });

  test('the master user is like RDS gives it: CREATEROLE, CREATEDB, no superuser, owning the database', async () => {
    const rows = await superuserQuery(
      `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, d.datdba = r.oid AS owns
         FROM pg_roles r, pg_database d WHERE r.rolname = $1 AND d.datname = $2`,
      [env.database.masterUsername, dbName],
    );
    expect(rows).toEqual([{ rolsuper: false, rolcreaterole: true, rolcreatedb: true, owns: true }]);
  });

  test.each(logins.map((r) => [r.name, r] as const))(
    '%s logs in with its local password: own schema first, statement timeout, connection limit',
    async (name, role) => {
      const client = await login(name);
      try {
        const owned = env.databaseAccess.schemas.find((s) => s.owner === name)?.name;
        const { rows } = await client.query(
          "SELECT current_schema() AS schema, current_setting('statement_timeout') AS timeout",
        );
        expect(rows[0]).toEqual({ schema: owned, timeout: `${role.statementTimeoutMs / 1000}s` });
      } finally {
        await client.end();
      }
      const limit = await superuserQuery('SELECT rolconnlimit FROM pg_roles WHERE rolname = $1', [name]);
      expect(limit).toEqual([{ rolconnlimit: role.connectionLimit }]);
    },
  );

  test('the master is a member of no application role once the bootstrap is done', async () => {
    const rows = await superuserQuery(
      'SELECT count(*)::int AS n FROM pg_auth_members WHERE member = (SELECT oid FROM pg_roles WHERE rolname = $1)',
      [env.database.masterUsername],
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  test('running it again changes nothing: same roles, grants and default privileges', async () => {
    const snapshot = () =>
      superuserQuery(`SELECT
          (SELECT array_agg(rolname || ':' || rolcanlogin || ':' || rolconnlimit || ':' || coalesce(array_to_string(rolconfig, ','), '') ORDER BY rolname) FROM pg_roles WHERE rolname !~ '^pg_') AS roles,
          (SELECT array_agg(nspname || ':' || coalesce(array_to_string(nspacl, ','), '') ORDER BY nspname) FROM pg_namespace WHERE nspname !~ '^pg_') AS schemas,
          (SELECT array_to_string(datacl, ',') FROM pg_database WHERE datname = current_database()) AS database,
          (SELECT array_agg(defaclobjtype::text || ':' || array_to_string(defaclacl, ',') ORDER BY 1) FROM pg_default_acl) AS defaults`);
    const before = await snapshot();
    bootstrap.run();
    expect(await snapshot()).toEqual(before);
  });

  test('after --rotate the next bootstrap sets the new passwords; the old ones are refused', async () => {
    const old = password('payload_user');
    bootstrap.run({ rotate: true });
    expect(password('payload_user')).not.toBe(old);
    await (await login('payload_user')).end();
    await expect(login('payload_user', old)).rejects.toThrow(/password authentication failed/);
  });

  test('the extensions exist in their schema: trusted ones the master created, the others the superuser', async () => {
    const { schema, names } = env.databaseAccess.extensions;
    const rows = await superuserQuery(
      `SELECT e.extname AS name, n.nspname AS schema, pg_get_userbyid(e.extowner) AS owner, a.trusted
         FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
         JOIN pg_available_extension_versions a ON a.name = e.extname AND a.version = e.extversion
        WHERE e.extname <> 'plpgsql' ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual([...names].sort());
    for (const row of rows) {
      expect(row).toEqual({
        name: row.name,
        schema,
        owner: row.trusted ? env.database.masterUsername : 'postgres',
        trusted: row.trusted,
      });
    }
  });

  test.each(logins.map((r) => [r.name]))(
    '%s uses similarity(), the %% operator and unaccent() through its search_path',
    async (name) => {
      const client = await login(name);
      try {
        const { rows } = await client.query(
          "SELECT similarity('lightwave', 'lightwav') > 0.5 AS close, 'lightwave' % 'lightwav' AS trigram, unaccent('Crème Brûlée') AS plain",
        );
        expect(rows[0]).toEqual({ close: true, trigram: true, plain: 'Creme Brulee' });
      } finally {
        await client.end();
      }
    },
  );

  test("a keyword list matching PostgreSQL's own quote_ident(), so unquoted names are really safe", async () => {
    const rows = await superuserQuery(
      'SELECT word FROM pg_get_keywords() WHERE quote_ident(word) <> word ORDER BY word',
    );
    expect(rows.map((r) => r.word)).toEqual([...QUOTED_KEYWORDS].sort());
  });
});

describe('the generated PgBouncer config on the PgBouncer the tests use', () => {
  let bouncer: RunningPgBouncer;
  beforeAll(async () => {
    bouncer = await bootGeneratedPgBouncer(bootstrap, binary);
  });
  afterAll(async () => {
    await bouncer?.stop();
  });

  /** The URL a service's .env file gives `source`, with the port the test's PgBouncer listens on. */
  function envUrl(service: ServiceContract, source: VariableSource): string {
    const variable = service.variables.find((v) => v.source === source)?.name as string;
    const content = bootstrap.files().find((f) => f.path === `env/${service.app}.env`)?.content ?? '';
    const url = new RegExp(`^${variable}=(.+)$`, 'm').exec(content)?.[1] as string;
    return url.replace(`:${local.ports.pgbouncer}/`, `:${bouncer.port}/`);
  }
  const live = contractsOf(applicationContract, Object.keys(env.cluster.apps));
  const paths = live.flatMap((service) =>
    (['database.url', 'database.session-url'] as const).map(
      (source) => [service.service, source, env.cluster.apps[service.app].databaseRole, service] as const,
    ),
  );

  test.each(paths)(
    '%s logs in through it with its %s (SCRAM) as %s and lands in its schema',
    async (_name, source, role, service) => {
      const client = new Client({ connectionString: envUrl(service, source) });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT current_user AS who, current_schema() AS schema');
        expect(rows[0]).toEqual({
          who: role,
          schema: env.databaseAccess.schemas.find((s) => s.owner === role)?.name,
        });
      } finally {
        await client.end();
      }
    },
  );

  test('a LISTEN on the session path hears a NOTIFY sent through the transaction path', async () => {
    const [service] = live;
    const listener = new Client({ connectionString: envUrl(service, 'database.session-url') });
    const sender = new Client({ connectionString: envUrl(service, 'database.url') });
    await Promise.all([listener.connect(), sender.connect()]);
    try {
      const heard = new Promise<string | undefined>((resolve) =>
        listener.once('notification', (n) => resolve(n.payload)),
      );
      await listener.query('LISTEN local_check');
      await sender.query("NOTIFY local_check, 'through pgbouncer'");
      expect(await heard).toBe('through pgbouncer');
    } finally {
      await Promise.all([listener.end(), sender.end()]);
    }
  });

  test('it pools in transaction mode, the session path in session mode, and runs the version the chart ships (CI never falls back)', async () => {
    const console = new Client({
      host: '127.0.0.1',
      port: bouncer.port,
      user: 'pgbouncer_stats',
      password: bootstrap.credentials().get('pgbouncer_password_pgbouncer_stats'),
      database: 'pgbouncer',
    });
    await console.connect();
    try {
      const config = new Map((await console.query('SHOW CONFIG')).rows.map((r) => [r.key, r.value]));
      expect(config.get('pool_mode')).toBe('transaction');
      const databases = (await console.query('SHOW DATABASES')).rows;
      const modeOf = (name: string) => databases.find((d) => d.name === name)?.pool_mode;
      expect(modeOf(sessionDatabaseName(dbName))).toBe('session');
    } finally {
      await console.end();
    }
    if (process.env.CI === 'true') expect(binary.shipped).toBe(true);
    expect(bouncer.log()).toContain(`PgBouncer ${binary.version}`);
    expect(bouncer.log().match(/^.*(WARNING|ERROR).*$/gm) ?? []).toEqual([]);
  });
});

/**
 * No role password in PostgreSQL's log or statistics, proven on a real PostgreSQL 15 running the parameters of
 * prod's synthesized parameter group (log_statement = ddl, pg_stat_statements preloaded, its track_utility; `rds.*`
 * settings exist on RDS only and are left out). The roles are created the way the postgresql provider creates them
 * (EMULATED: support/postgresql-provider-emulation.ts createRole, cyrilgdn/postgresql v1.26.0
 * resourcePostgreSQLRoleCreate: `CREATE ROLE … ENCRYPTED PASSWORD '<password argument>'`), with the password
 * argument the stack gives them: the SCRAM verifier its data source computes (the program runs for real).
 *
 * Then the server log file and pg_stat_statements are searched for every generated password. A control role created
 * the old way (the plaintext as the password argument) shows the search finds a password where one was sent.
 */
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';
import { prod } from '../../environments/prod';
import { createRole, type ProviderSession } from '../support/postgresql-provider-emulation';
import { emulatedApply, rolePassword, type AppliedState } from '../support/emulated-apply';
import { startLocalPostgres, type LocalPostgres } from '../support/local-postgres';
import { createRdsLikeDatabase } from '../support/rds-like-database';
import { synthEnvironment } from '../support/synth';
import { resourcesOfType } from '../../synth/terraform-json';

jest.setTimeout(180_000);

const stack = synthEnvironment(prod);

/** The parameter group's settings as postgresql.conf lines (values quoted), RDS-only ones left out. */
function shippedSettings(): Record<string, string> {
  const groups = Object.values(resourcesOfType(stack, 'aws_db_parameter_group'));
  const parameters = groups.flatMap((g) => g.parameter as { name: string; value: string }[]);
  return Object.fromEntries(
    parameters.filter((p) => !p.name.startsWith('rds.')).map((p) => [p.name, `'${p.value}'`]),
  );
}

describe('role passwords on PostgreSQL 15 with the shipped parameters', () => {
  const settings = shippedSettings();
  const state: AppliedState = new Map();
  const control = { name: 'control_plaintext', password: 'ControlPlaintextPassword4711' };
  let server: LocalPostgres;
  let superuser: Client;
  let log = '';
  let statements: string[] = [];
  let roles: string[] = [];

  beforeAll(async () => {
    server = await startLocalPostgres({ settings });
    try {
      const master = await createRdsLikeDatabase(server, prod);
      superuser = await server.connect('postgres', prod.database.databaseName);
      await superuser.query('CREATE EXTENSION pg_stat_statements');
      await emulatedApply(master, stack, ['random_password', 'random_bytes', 'postgresql_role'], state);
      const session: ProviderSession = { database: prod.database.databaseName, client: async () => master };
      await createRole(session, {
        name: control.name,
        login: true,
        password: control.password,
        connection_limit: 1,
      });
      // Each role also logs in once, over SCRAM, with the password it was given.
      roles = [...state]
        .filter(([a, role]) => a.startsWith('postgresql_role.') && role.password !== undefined)
        .map(([, role]) => String(role.name));
      for (const role of roles)
        await (await server.connect(role, prod.database.databaseName, rolePassword(state, role))).end();
      await superuser.query('SELECT count(*) AS probe_statement FROM pg_roles'); // shows statistics are collected
      statements = (await superuser.query('SELECT query FROM pg_stat_statements')).rows.map((r) =>
        String(r.query),
      );
      log = readFileSync(server.logFile, 'utf8');
      await master.end();
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- postgres log ---\n${server?.logTail()}`);
    }
  });

  afterAll(async () => {
    await superuser?.end();
    await server?.stop();
  });

  test('the server runs the parameter group’s logging and statistics settings', async () => {
    expect(settings.log_statement).toBe("'ddl'");
    expect(settings.shared_preload_libraries).toBe("'pg_stat_statements'");
    const shown = async (name: string) => (await superuser.query(`SHOW ${name}`)).rows[0][name];
    expect(await shown('log_statement')).toBe('ddl');
    // Exactly off: the parameter group writes 0, and PostgreSQL shows a boolean as off.
    expect(settings['pg_stat_statements.track_utility']).toBe("'0'");
    expect(await shown('pg_stat_statements.track_utility')).toBe('off');
  });

  test('every login role was applied, with a SCRAM verifier as its password argument', () => {
    const { roles: declared, monitoringRole } = prod.databaseAccess;
    const logins = [...declared.filter((r) => r.login).map((r) => r.name), monitoringRole.name];
    expect(roles.sort()).toEqual(logins.sort());
    for (const role of roles) {
      expect(String(state.get(`postgresql_role.database_access_role_${role}`)?.password)).toMatch(
        /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/,
      );
      expect(rolePassword(state, role)).toMatch(/^[A-Za-z0-9]{40}$/);
    }
  });

  test('PostgreSQL stored each verifier as given (no re-hashing of a plaintext)', async () => {
    for (const role of roles) {
      const stored = await superuser.query('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [role]);
      expect(stored.rows[0].rolpassword).toBe(
        state.get(`postgresql_role.database_access_role_${role}`)?.password,
      );
    }
  });

  test('the DDL was logged (log_statement = ddl) — the search below reads the right log', () => {
    for (const role of roles) expect(log).toContain(`CREATE ROLE "${role}"`);
  });

  test('no generated password is in the server log', () => {
    for (const role of roles) expect(log).not.toContain(rolePassword(state, role));
  });

  test('no generated password is in pg_stat_statements', () => {
    expect(statements.some((q) => q.includes('probe_statement'))).toBe(true);
    for (const role of roles)
      for (const query of statements) expect(query).not.toContain(rolePassword(state, role));
  });

  test('with track_utility off, no role statement is in pg_stat_statements at all (not even a verifier)', () => {
    expect(statements.filter((q) => /\b(CREATE|ALTER) ROLE\b/i.test(q))).toEqual([]);
  });

  test('control: a role created the old way (plaintext password argument) leaves its password in the log', () => {
    expect(log).toContain(control.password);
  });
});

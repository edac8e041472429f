/**
 * Django's read switch on a real PostgreSQL 15, with the switch on (dev, Django listed as a table reader of
 * Payload's content tables). The synthesized access model is applied in the order of a real first deployment
 * (provider SQL emulated: support/postgresql-provider-emulation.ts, and support/postgresql-object-grant-emulation.ts
 * for the grant that names tables): roles and schemas; Payload's first migration creates its tables; the grants;
 * then a later Payload migration adds more tables, a sensitive one among them. One listed table was never created:
 * its grant alone fails, every other listed table is granted.
 */
import type { Client } from 'pg';
import { dev } from '../../environments/dev';
import { emulatedApply, rolePassword, type AppliedState } from '../support/emulated-apply';
import { startLocalPostgres, type LocalPostgres } from '../support/local-postgres';
import { createObjectGrant } from '../support/postgresql-object-grant-emulation';
import { createRdsLikeDatabase } from '../support/rds-like-database';
import { synthEnvironment, withChange } from '../support/synth';
import type { TerraformJson } from '../../synth/terraform-json';

jest.setTimeout(120_000);

const CONTENT = ['pages', 'posts', 'categories', 'media'];
/** Listed, but no Payload migration created it (a collection not shipped yet, or a typo). */
const NEVER_CREATED = 'forms';
const env = withChange(dev, (e) => {
  e.databaseAccess.schemas[0].tableReaders = [{ role: 'django_user', tables: [...CONTENT, NEVER_CREATED] }];
});
const stack = synthEnvironment(env);
const objectGrants = Object.entries(stack.resource?.postgresql_grant ?? {}).filter(([, g]) => g.objects);
/** The stack without the grants that name tables (applied by their own emulation). */
const withoutObjectGrants: TerraformJson = {
  ...stack,
  resource: {
    ...stack.resource,
    postgresql_grant: Object.fromEntries(
      Object.entries(stack.resource?.postgresql_grant ?? {}).filter(([, g]) => !g.objects),
    ),
  },
};

/** Payload's tables as its postgres adapter would create them (a subset of columns). */
async function payloadMigration(payload: Client, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await payload.query(`CREATE TABLE ${table} (id serial PRIMARY KEY, title text, secret text)`);
    await payload.query(`INSERT INTO ${table} (title, secret) VALUES ('${table} row', '$2b$10$hash')`);
  }
}

describe("Django's read switch on Payload's schema, on PostgreSQL 15", () => {
  const state: AppliedState = new Map();
  /** The error of each object grant that failed, by the tables it names. */
  const failed = new Map<string, string>();
  let server: LocalPostgres;
  let django: Client;
  let payload: Client;
  const password = (role: string) => String(rolePassword(state, role));
  const refused = async (sql: string) => {
    await expect(django.query(sql)).rejects.toThrow(/permission denied/);
  };

  beforeAll(async () => {
    server = await startLocalPostgres();
    try {
      const master = await createRdsLikeDatabase(server, env);
      await emulatedApply(
        master,
        withoutObjectGrants,
        ['random_password', 'random_bytes', 'postgresql_role', 'postgresql_schema'],
        state,
      );
      payload = await server.connect('payload_user', env.database.databaseName, password('payload_user'));
      await payloadMigration(payload, [...CONTENT, 'users', 'payload_preferences']);
      await emulatedApply(
        master,
        withoutObjectGrants,
        ['postgresql_grant', 'postgresql_default_privileges'],
        state,
      );
      for (const [, grant] of objectGrants) {
        await createObjectGrant(master, grant).catch((e: Error) =>
          failed.set(String(grant.objects), e.message),
        );
      }
      await master.end();
      // A later Payload migration, after the deploy: a sensitive table and a content table nobody listed yet.
      await payloadMigration(payload, ['users_sessions', 'redirects']);
      django = await server.connect('django_user', env.database.databaseName, password('django_user'));
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- postgres log ---\n${server.logTail()}`);
    }
  });

  afterAll(async () => {
    await django?.end();
    await payload?.end();
    await server?.stop();
  });

  test('the switch synthesizes one grant per listed table', () => {
    const described = (role: unknown, schema: unknown, objects: unknown) => `${role} ${schema} ${objects}`;
    expect(objectGrants.map(([, g]) => described(g.role, g.schema, g.objects)).sort()).toEqual(
      [...CONTENT, NEVER_CREATED].map((t) => described('django_user', 'payload', [t])).sort(),
    );
  });

  test('the grant of the table that does not exist fails alone, naming it', () => {
    expect([...failed]).toEqual([[NEVER_CREATED, `relation "payload.${NEVER_CREATED}" does not exist`]]);
  });

  test.each(CONTENT.map((t) => [t]))('Django reads payload.%s', async (table) => {
    const rows = await django.query(`SELECT title FROM payload.${table}`);
    expect(rows.rows).toEqual([{ title: `${table} row` }]);
  });

  test.each([
    ['users', 'sensitive, existed at the deploy'],
    ['payload_preferences', 'sensitive, existed at the deploy'],
    ['users_sessions', 'sensitive, created after the deploy'],
    ['redirects', 'not listed, created after the deploy: closed until listed'],
  ])('Django is refused payload.%s (%s)', async (table) => {
    await refused(`SELECT * FROM payload.${table}`);
  });

  test('Django cannot write, create or alter anything in payload', async () => {
    await refused("INSERT INTO payload.pages (title) VALUES ('x')");
    await refused("UPDATE payload.posts SET title = 'x'");
    await refused('CREATE TABLE payload.django_was_here (id int)');
    await expect(django.query('ALTER TABLE payload.pages ADD COLUMN x int')).rejects.toThrow(/must be owner/);
  });

  test('Payload keeps every right on its own tables, the new ones included', async () => {
    await expect(payload.query('SELECT count(*) FROM users_sessions')).resolves.toBeDefined();
    await expect(payload.query("UPDATE users SET title = 'still mine'")).resolves.toBeDefined();
  });
});

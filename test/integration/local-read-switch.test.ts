/**
 * Django's read switch in the local bootstrap, on a real PostgreSQL 15: with `tableReaders` on (dev has it off), the
 * listed Payload tables become readable by Django once Payload's migrations created them, and nothing else does.
 * A bootstrap grants each listed table that exists and names each missing one in a warning (in the cloud that
 * table's grant alone fails the deploy); the next one, as `docker compose up` runs it, grants the rest.
 */
import { local } from '../../environments/local';
import type { LocalConfig } from '../../environments/parts/local';
import { startLocalBootstrap, type LocalBootstrap } from '../support/local-bootstrap';
import type { Writable } from '../support/synth';

jest.setTimeout(120_000);

const READABLE = ['pages', 'posts'];
const switchedOn = structuredClone(local) as Writable<LocalConfig>;
const payload = switchedOn.basedOn.databaseAccess.schemas.find((s) => s.name === 'payload');
if (!payload) throw new Error('dev has no payload schema');
payload.tableReaders = [{ role: 'django_user', tables: READABLE }];

const dbName = local.basedOn.database.databaseName;
let bootstrap: LocalBootstrap;
let beforeMigrations: string;
let halfway: string;
let afterMigrations: string;
let readableHalfway: boolean[];

beforeAll(async () => {
  bootstrap = await startLocalBootstrap(switchedOn);
  beforeMigrations = bootstrap.run();
  const superuser = await bootstrap.server.connect('postgres', dbName);
  try {
    await superuser.query('SET ROLE payload_user');
    const [first, ...rest] = READABLE;
    await superuser.query(`CREATE TABLE payload.${first} (id int)`);
    halfway = bootstrap.run();
    readableHalfway = await Promise.all(READABLE.map(canRead));
    for (const table of [...rest, ...(payload.sensitiveTables ?? [])]) {
      await superuser.query(`CREATE TABLE payload.${table} (id int)`);
    }
  } finally {
    await superuser.end();
  }
  afterMigrations = bootstrap.run();
});
afterAll(async () => {
  await bootstrap?.stop();
});

async function canRead(table: string): Promise<boolean> {
  const django = await bootstrap.server.connect(
    'django_user',
    dbName,
    bootstrap.credentials().get('password_django_user'),
  );
  try {
    await django.query(`SELECT count(*) FROM payload.${table}`);
    return true;
  } catch {
    return false;
  } finally {
    await django.end();
  }
}

/** The tables a bootstrap's output says it could not grant yet. */
const missing = (output: string) =>
  [
    ...output.matchAll(
      /WARNING: {2}grants\.table_payload_django_user_\w+: table payload\.(\w+) does not exist yet/g,
    ),
  ].map((m) => m[1]);

test('before the migrations the bootstrap names each listed table it cannot grant yet', () => {
  expect(missing(beforeMigrations)).toEqual(READABLE);
});

test('with some tables migrated it grants those and names the rest; after all of them, none', () => {
  expect(missing(halfway)).toEqual(READABLE.slice(1));
  expect(readableHalfway).toEqual(READABLE.map((_, i) => i === 0));
  expect(missing(afterMigrations)).toEqual([]);
});

test('after them Django reads the listed tables, and no sensitive one', async () => {
  const sensitive = payload.sensitiveTables ?? [];
  expect(sensitive.length).toBeGreaterThan(0);
  const reads = Object.fromEntries(
    await Promise.all([...READABLE, ...sensitive].map(async (t) => [t, await canRead(t)] as const)),
  );
  expect(reads).toEqual(
    Object.fromEntries([...READABLE.map((t) => [t, true]), ...sensitive.map((t) => [t, false])]),
  );
});

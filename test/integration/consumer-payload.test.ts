/**
 * The real Payload 3 (payload and @payloadcms/db-postgres 3.90.2, test/consumers/payload) on the local bootstrap:
 * PostgreSQL 15 bootstrapped like RDS, the PgBouncer the chart ships, exactly the generated payload.env. Its
 * migrations run on the session path (`DATABASE_URI=$DATABASE_SESSION_URI`, as docs/application-contract.md says),
 * then its Local API on the transaction path. A change to the contract, the pool mode, the grants or the schema
 * ownership that breaks Payload turns this red.
 *
 * @slow ~80 s on a cold CI machine: installs and migrates the real Payload 3.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  consumerDir,
  installConsumer,
  outcome,
  runConsumer,
  startConsumerPlatform,
  type ConsumerPlatform,
  type ConsumerRun,
} from '../support/consumer-app';

jest.setTimeout(600_000);

const CONSUMER = 'payload';
const CONCURRENT_CREATES = 50;
// Inside the consumer's folder (gitignored), where the migrations resolve its packages; emptied before each run.
const migrations = join(consumerDir(CONSUMER), 'migrations');
let platform: ConsumerPlatform;
let variables: Readonly<Record<string, string>>;
let schema: string;
let installSeconds: number;
const runs: [string, ConsumerRun][] = [];

/** `payload <args>` with the .env's variables, the session URL as DATABASE_URI (the migrations' path). */
function payloadCli(args: readonly string[], timeoutMs?: number): ConsumerRun {
  const env = {
    ...variables,
    DATABASE_URI: variables.DATABASE_SESSION_URI,
    PAYLOAD_CONFIG_PATH: 'payload.config.js',
    MIGRATIONS_DIR: migrations,
  };
  const run = runConsumer(CONSUMER, ['node', 'node_modules/payload/bin.js', ...args], env, timeoutMs);
  runs.push([args.join(' '), run]);
  return run;
}

beforeAll(async () => {
  installSeconds = installConsumer(CONSUMER);
  rmSync(migrations, { recursive: true, force: true });
  platform = await startConsumerPlatform(CONSUMER);
  ({ variables, schema } = platform);
});

afterAll(async () => {
  await platform?.stop();
  const timings = runs.map(([what, run]) => `${what}: ${run.seconds.toFixed(1)} s`).join(', ');
  console.log(`payload consumer: npm ci ${installSeconds.toFixed(1)} s (0: already installed); ${timings}`);
});

const succeeded = (run: ConsumerRun) => outcome(run, platform.bouncer);

describe('Payload 3 with its postgres adapter, through the shipped PgBouncer', () => {
  test('payload migrate:create writes a migration from the collections (session path)', () => {
    const run = payloadCli(['migrate:create', 'initial']);
    expect(succeeded(run)).toEqual({ status: 0, output: '' });
    expect(readdirSync(migrations).some((f) => /_initial\.ts$/.test(f))).toBe(true);
  });

  test('payload migrate creates the tables in its own schema, and a second run has nothing to do', async () => {
    const run = payloadCli(['migrate']);
    expect(succeeded(run)).toEqual({ status: 0, output: '' });
    const again = payloadCli(['migrate']);
    expect(again.status).toBe(0);
    const client = new Client({ connectionString: variables.DATABASE_SESSION_URI });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('posts', '_posts_v', 'categories', 'payload_migrations') ORDER BY 1",
        [schema],
      );
      expect(rows.map((r) => r.table_name)).toEqual([
        '_posts_v',
        'categories',
        'payload_migrations',
        'posts',
      ]);
    } finally {
      await client.end();
    }
  });

  test('the Local API on the transaction path: concurrent creates, transactions, a relationship, drafts', () => {
    const run = runConsumer(CONSUMER, ['node', 'local-api.js'], {
      ...variables,
      CONCURRENT_CREATES: String(CONCURRENT_CREATES),
    });
    runs.push(['local api', run]);
    expect(succeeded(run)).toEqual({ status: 0, output: '' });
    const seen = JSON.parse(run.output.trim().split('\n').pop() as string);
    expect(seen).toEqual({
      created: CONCURRENT_CREATES,
      categories: ['News', 'committed'],
      newsPosts: CONCURRENT_CREATES,
      populatedCategory: 'News',
      draftUnfiltered: 1,
      draftPublishedOnly: 0,
      publishedAfterDraftEdit: 'stable',
      latestDraft: 'stable, edited',
    });
  });

  test("Payload's own table holds the draft next to the published rows; a later draft edit is not in it", async () => {
    const client = new Client({ connectionString: variables.DATABASE_URI });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT _status AS status, count(*)::int AS n FROM ${schema}.posts GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual([
        { status: 'draft', n: 1 },
        { status: 'published', n: CONCURRENT_CREATES + 1 },
      ]);
      const edited = await client.query(`SELECT title FROM ${schema}.posts WHERE title LIKE 'stable%'`);
      expect(edited.rows).toEqual([{ title: 'stable' }]);
    } finally {
      await client.end();
    }
  });

  test('without push: false, dev mode marks the database dev-pushed and payload migrate stops at a prompt', async () => {
    const push = runConsumer(CONSUMER, ['node', 'dev-push.js'], variables);
    runs.push(['dev push', push]);
    expect(succeeded(push)).toEqual({ status: 0, output: '' });
    const client = new Client({ connectionString: variables.DATABASE_SESSION_URI });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT name FROM ${schema}.payload_migrations WHERE batch = -1`);
      expect(rows).toEqual([{ name: 'dev' }]);
    } finally {
      await client.end();
    }
    // Nobody answers (stdin is /dev/null, as in a Job): still waiting when the test stops it after 15 s.
    const migrate = payloadCli(['migrate'], 15_000);
    expect(migrate.output).toContain("If you'd like to run migrations, data loss will occur");
    expect(migrate.status).toBeNull();
  });
});

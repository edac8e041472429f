/**
 * A real Django (Debian's python3-django 3.2 with python3-psycopg2 2.9, test/consumers/django) on the local
 * bootstrap: PostgreSQL 15 bootstrapped like RDS, the PgBouncer the chart ships, exactly the generated django.env.
 * `manage.py migrate --database session` on the session path, then the ORM on the transaction path. Django 3.2 is
 * what Debian ships; the seeds name Django 5.2, whose own behaviour (psycopg 3, its connection pool, server-side
 * binding) this does not prove.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  consumerDir,
  debianDjangoOrSkip,
  outcome,
  runConsumer,
  startConsumerPlatform,
  type ConsumerPlatform,
  type ConsumerRun,
} from '../support/consumer-app';

jest.setTimeout(300_000);

const CONSUMER = 'django';
const CONCURRENT_CREATES = 50;
const python = debianDjangoOrSkip();
const migrations = join(consumerDir(CONSUMER), 'catalog', 'migrations');
let platform: ConsumerPlatform;
let variables: Readonly<Record<string, string>>;
let schema: string;
const runs: [string, ConsumerRun][] = [];

function python3(...args: string[]): ConsumerRun {
  const run = runConsumer(CONSUMER, [python as string, ...args], {
    ...variables,
    CONCURRENT_CREATES: String(CONCURRENT_CREATES),
    PYTHONDONTWRITEBYTECODE: '1',
  });
  runs.push([args.join(' '), run]);
  return run;
}
const succeeded = (run: ConsumerRun) => outcome(run, platform.bouncer);

(python ? describe : describe.skip)(
  "Debian's Django 3.2 with psycopg2, through the shipped PgBouncer",
  () => {
    beforeAll(async () => {
      rmSync(migrations, { recursive: true, force: true });
      platform = await startConsumerPlatform(CONSUMER);
      ({ variables, schema } = platform);
    });

    afterAll(async () => {
      await platform?.stop();
      rmSync(migrations, { recursive: true, force: true });
      const timings = runs.map(([what, run]) => `${what}: ${run.seconds.toFixed(1)} s`).join(', ');
      console.log(`django consumer: ${timings}`);
    });

    test('manage.py makemigrations, then migrate --database session, lands the tables in its own schema', async () => {
      expect(succeeded(python3('manage.py', 'makemigrations', 'catalog'))).toEqual({ status: 0, output: '' });
      expect(succeeded(python3('manage.py', 'migrate', '--database', 'session'))).toEqual({
        status: 0,
        output: '',
      });
      const client = new Client({ connectionString: variables.DATABASE_SESSION_URL });
      await client.connect();
      try {
        const { rows } = await client.query(
          "SELECT table_schema, table_name FROM information_schema.tables WHERE table_name IN ('catalog_author', 'catalog_article', 'django_migrations') ORDER BY 2",
        );
        expect(rows).toEqual(
          ['catalog_article', 'catalog_author', 'django_migrations'].map((t) => ({
            table_schema: schema,
            table_name: t,
          })),
        );
      } finally {
        await client.end();
      }
    });

    test('the ORM on the transaction path: concurrent creates, transactions, a relationship, SKIP LOCKED, iterator', () => {
      const run = python3('exercise.py');
      expect(succeeded(run)).toEqual({ status: 0, output: '' });
      expect(JSON.parse(run.output.trim().split('\n').pop() as string)).toEqual({
        created: CONCURRENT_CREATES,
        authors: ['Ada', 'committed'],
        byAuthor: CONCURRENT_CREATES,
        iterated: CONCURRENT_CREATES,
        claimed: 5,
        schema,
      });
    });
  },
);

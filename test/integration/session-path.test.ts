/**
 * The session path and the transaction path on the PgBouncer version the chart ships, booted from dev's synthesized
 * pgbouncer.ini unchanged except addresses and paths (test/support/shipped-pgbouncer.ts), in front of a local
 * PostgreSQL 15 playing RDS (test/support/pgbouncer-fixture.ts): what transaction pooling cannot carry works on the
 * session path, and what it can (a SKIP LOCKED job queue) works on the transaction path.
 *
 * @slow ~100 s on a cold CI machine: waits out a 90-second statement on the session path.
 */
import type { Client, Notification } from 'pg';
import { dev } from '../../environments/dev';
import { startPgBouncerFixture, type PgBouncerFixture } from '../support/pgbouncer-fixture';
import type { RunningPgBouncer } from '../support/shipped-pgbouncer';

jest.setTimeout(3 * 60_000);

const ROLE = 'django_user';
const TRANSACTION_DB = dev.database.databaseName;
const SESSION_DB = `${TRANSACTION_DB}_session`;
/** The long statements run as the other app's role, in its own pools, while the other tests run. */
const LONG_ROLE = 'payload_user';
const timeoutOf = (role: string) =>
  dev.databaseAccess.roles.flatMap((r) => (r.login && r.name === role ? [r.statementTimeoutMs] : []))[0];
const roleTimeoutMs = timeoutOf(ROLE);
const LONG_STATEMENT_SECONDS = 90;
const JOBS = 10_000;
const WORKERS = 8;

let fixture: PgBouncerFixture;
let bouncer: RunningPgBouncer;
const open: Client[] = [];
const connect = async (database: string, role = ROLE) => {
  const client = await fixture.client(bouncer.port, role, database);
  open.push(client);
  return client;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface LongRun {
  readonly session: PromiseSettledResult<number>;
  readonly web: PromiseSettledResult<unknown>;
  readonly webTimeout: string;
}
let longRun: Promise<LongRun>;

/** A migration's long statement on the session path and a web request's on the transaction path, at once. */
async function startLongStatements(): Promise<LongRun> {
  const migration = await fixture.client(bouncer.port, LONG_ROLE, SESSION_DB);
  const webRequest = await fixture.client(bouncer.port, LONG_ROLE, TRANSACTION_DB);
  const webTimeout = (await webRequest.query('SHOW statement_timeout')).rows[0].statement_timeout;
  // A migration or REFRESH MATERIALIZED VIEW: session state is its own until it disconnects.
  await migration.query("SET statement_timeout = '15min'");
  const started = Date.now();
  return Promise.allSettled([
    migration.query(`SELECT pg_sleep(${LONG_STATEMENT_SECONDS})`).then(() => Date.now() - started),
    webRequest.query(`SELECT pg_sleep(${LONG_STATEMENT_SECONDS})`),
  ]).then(async ([session, web]) => {
    await Promise.allSettled([migration.end(), webRequest.end()]);
    return { session, web, webTimeout };
  });
}

beforeAll(async () => {
  fixture = await startPgBouncerFixture(dev);
  bouncer = await fixture.boot();
  longRun = startLongStatements(); // runs while the other tests do; the last test awaits it
  longRun.catch(() => undefined); // a failure to start is reported by that test, not as an unhandled rejection
});
// Each test's clients leave with it: a session-path client holds its server connection until it disconnects.
afterEach(async () => {
  await Promise.allSettled(open.splice(0).map((c) => c.end()));
});
afterAll(async () => {
  await bouncer?.stop();
  await fixture?.stop();
});

test('the session database is in the shipped ini: session pooling, its own pool, no reserve', () => {
  expect(fixture.ini).toMatch(
    new RegExp(
      `^${SESSION_DB} = host=\\S+ port=\\d+ dbname=${TRANSACTION_DB} pool_mode=session pool_size=${dev.cluster.pgbouncer.sessionPoolSize} reserve_pool=0 `,
      'm',
    ),
  );
  expect(bouncer.rewrites.filter((r) => r.startsWith('[databases]')).map((r) => r.split(':')[0])).toEqual([
    `[databases] ${TRANSACTION_DB}`,
    `[databases] ${SESSION_DB}`,
  ]);
});

test('a LISTEN on the session path receives a NOTIFY sent through the transaction path', async () => {
  const listener = await connect(SESSION_DB);
  const received: Notification[] = [];
  listener.on('notification', (n) => received.push(n));
  await listener.query('LISTEN content_published');

  // The same LISTEN on the transaction path: its server connection goes back to the pool after the statement.
  const stray = await connect(TRANSACTION_DB);
  const lost: Notification[] = [];
  stray.on('notification', (n) => lost.push(n));
  await stray.query('LISTEN content_published');

  const web = await connect(TRANSACTION_DB, 'payload_user');
  await web.query('BEGIN');
  await web.query("SELECT pg_notify('content_published', 'page:home')");
  await web.query('COMMIT');
  for (let waited = 0; received.length === 0 && waited < 10_000; waited += 100) await sleep(100);
  await sleep(500); // let anything else arrive

  expect(received.map((n) => [n.channel, n.payload])).toEqual([['content_published', 'page:home']]);
  expect(lost).toEqual([]);
});

test("the next session-path client gets the role's timeout back (DISCARD ALL between clients)", async () => {
  const first = await connect(SESSION_DB);
  const pid = (await first.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  await first.query("SET statement_timeout = '15min'");
  await first.end();
  const pool = dev.cluster.pgbouncer.sessionPoolSize;
  // Take every server connection of the pool, so the one `first` used is handed out again.
  const next = await Promise.all(Array.from({ length: pool }, () => connect(SESSION_DB)));
  const seen = await Promise.all(
    next.map(
      async (c) =>
        (
          await c.query('SELECT pg_backend_pid() AS pid, current_setting($1) AS timeout', [
            'statement_timeout',
          ])
        ).rows[0],
    ),
  );
  expect(seen.map((r) => r.pid)).toContain(pid);
  expect(seen.map((r) => r.timeout)).toEqual(Array(pool).fill(`${roleTimeoutMs / 1000}s`));
});

test('the session pool is bounded: one client more than its size waits for a server, then gets one', async () => {
  const pool = dev.cluster.pgbouncer.sessionPoolSize;
  const holders = await Promise.all(Array.from({ length: pool }, () => connect(SESSION_DB)));
  await Promise.all(holders.map((c) => c.query('SELECT 1')));
  const extra = await connect(SESSION_DB);
  const waiting = extra.query('SELECT 1 AS served');
  const stats = await fixture.client(bouncer.port, 'pgbouncer_stats', 'pgbouncer');
  let row: Record<string, unknown> | undefined;
  for (let waited = 0; waited < 5_000; waited += 100) {
    row = (await stats.query('SHOW POOLS')).rows.find((r) => r.database === SESSION_DB && r.user === ROLE);
    if (Number(row?.cl_waiting) > 0) break;
    await sleep(100);
  }
  await stats.end();
  expect({
    waiting: Number(row?.cl_waiting),
    servers: Number(row?.sv_active) + Number(row?.sv_idle),
  }).toEqual({ waiting: 1, servers: pool });
  await holders[0].end();
  expect((await waiting).rows[0]).toEqual({ served: 1 });
});

test(`${WORKERS} workers drain ${JOBS} jobs with FOR UPDATE SKIP LOCKED through the transaction pool: each done once, 0 errors`, async () => {
  const setup = await connect(TRANSACTION_DB);
  await setup.query(
    'CREATE TABLE jobs (id bigserial PRIMARY KEY, payload text NOT NULL, done_at timestamptz)',
  );
  await setup.query('CREATE TABLE job_runs (job_id bigint NOT NULL, worker int NOT NULL)');
  await setup.query(`INSERT INTO jobs (payload) SELECT 'job ' || n FROM generate_series(1, ${JOBS}) AS n`);

  const errors: string[] = [];
  const work = async (worker: number) => {
    const client = await connect(TRANSACTION_DB);
    for (;;) {
      try {
        await client.query('BEGIN');
        const claimed = await client.query(
          'SELECT id FROM jobs WHERE done_at IS NULL ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED',
        );
        const ids = claimed.rows.map((r) => r.id);
        if (ids.length > 0) {
          await client.query('INSERT INTO job_runs (job_id, worker) SELECT unnest($1::bigint[]), $2', [
            ids,
            worker,
          ]);
          await client.query('UPDATE jobs SET done_at = now() WHERE id = ANY($1::bigint[])', [ids]);
        }
        await client.query('COMMIT');
        if (ids.length === 0) return;
      } catch (error) {
        errors.push((error as Error).message);
        await client.query('ROLLBACK').catch(() => undefined);
        if (errors.length > 10) return;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, i) => work(i)));

  const counts = (
    await setup.query(
      `SELECT (SELECT count(*) FROM job_runs)::int AS runs, (SELECT count(DISTINCT job_id) FROM job_runs)::int AS jobs,
              (SELECT count(*) FROM jobs WHERE done_at IS NULL)::int AS left, (SELECT count(DISTINCT worker) FROM job_runs)::int AS workers`,
    )
  ).rows[0];
  console.log(
    `SKIP LOCKED queue: ${counts.runs} runs of ${counts.jobs} jobs by ${counts.workers} workers, ${errors.length} errors`,
  );
  expect(errors).toEqual([]);
  expect(counts).toEqual({ runs: JOBS, jobs: JOBS, left: 0, workers: expect.any(Number) });
  expect(counts.workers).toBeGreaterThan(1);
});

test(`a ${LONG_STATEMENT_SECONDS} s statement completes on the session path and is cancelled on the web path at the role's ${timeoutOf(LONG_ROLE) / 1000} s`, async () => {
  const { session, web, webTimeout } = await longRun;
  console.log(
    `session path: ${LONG_STATEMENT_SECONDS} s statement ${session.status === 'fulfilled' ? `completed after ${(session.value / 1000).toFixed(1)} s` : `failed: ${(session.reason as Error).message}`}; ` +
      `web path (statement_timeout ${webTimeout}): ${web.status === 'rejected' ? (web.reason as Error).message : 'completed'}`,
  );
  expect(webTimeout).toBe(`${timeoutOf(LONG_ROLE) / 1000}s`);
  expect(session.status).toBe('fulfilled');
  expect(web.status).toBe('rejected');
  expect((web as PromiseRejectedResult).reason).toEqual(
    expect.objectContaining({ code: '57014', message: 'canceling statement due to statement timeout' }),
  );
});

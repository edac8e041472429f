/**
 * dev's PgBouncer under faults, with the shipped ini on the shipped version (test/support/shipped-pgbouncer.ts) in
 * front of a local PostgreSQL 15 playing RDS (test/support/pgbouncer-fixture.ts). Each test asserts what clients get:
 *   - the database restarts mid-run: the transactions in flight fail ("server conn crashed?"), and so does one begun
 *     while the server is known down, refused at once (server_login_retry, by design); queued clients wait and
 *     continue once it is back, nothing stays stuck;
 *   - a pod is rolled (SIGTERM after preStop, two processes on one port): no transaction fails, the stopping process
 *     takes no new client, serves its own to the end and exits;
 *   - a storm beyond max_client_conn: the excess is refused at once with a clear error, the admitted complete, the
 *     server never sees more than the pool;
 *   - a saturated pool: one more client fails with query_wait_timeout instead of hanging.
 * Durations are measured by `npm run bench:resilience`, not asserted here.
 *
 * @slow ~65 s on a cold CI machine: waits out drains, restarts and query_wait_timeout.
 */
import { dev } from '../../environments/dev';
import { atLeast, featureSince } from '../../charts/pgbouncer/ini';
import { startPgBouncerFixture, type PgBouncerFixture } from '../support/pgbouncer-fixture';
import { saturatedPool, storm } from '../support/pgbouncer-overload';
import { databaseRestart, rollout } from '../support/pgbouncer-scenarios';
import { resolvePgBouncer } from '../support/shipped-pgbouncer';

jest.setTimeout(3 * 60_000);

let fixture: PgBouncerFixture;
beforeAll(async () => {
  fixture = await startPgBouncerFixture(dev);
});
afterAll(() => fixture?.stop());

const pool = dev.cluster.pgbouncer.defaultPoolSize + dev.cluster.pgbouncer.reservePoolSize;

test('a database restart mid-run (200 clients): only transactions in flight or begun while it is down fail, each with a clear error', async () => {
  const r = await databaseRestart(fixture, { clients: 200, seconds: 20, restartAfterMs: 2000, downMs: 2000 });
  console.log('database restart:', JSON.stringify(r));
  // Every client that failed failed for one of the two reasons a restart gives, with that error …
  expect(r.failed).toBe(0);
  expect(r.abortedOther).toEqual({});
  expect(r.aborted).toBe(r.abortedInFlight + r.abortedRefused);
  // … at most one transaction in flight per server connection of the pool …
  expect(r.abortedInFlight).toBeLessThanOrEqual(pool);
  // … and clients already queued waited for the server instead of failing: transactions completed after it was back.
  expect(Number.isFinite(r.recoveryMs)).toBe(true);
  expect({ waiting: r.clientsWaitingAfter, active: r.serversActiveAfter, busy: r.busyBackendsAfter }).toEqual(
    {
      waiting: 0,
      active: 0,
      busy: 0,
    },
  );
  expect(r.peakServerConnections).toBeLessThanOrEqual(pool);
});

// The Debian fallback (1.18) shuts down at once on SIGTERM: the rollout guarantee needs 1.23 or newer.
const binary = resolvePgBouncer(dev.cluster.pgbouncer.version);
const drains = atLeast(binary.version, featureSince.drainOnSigterm);
if (!drains)
  console.warn(
    `\n!!!!! SKIPPING the rollout test: PgBouncer ${binary.version} does not drain on SIGTERM !!!!!\n`,
  );

(drains ? test : test.skip)(
  'a rollout (SIGTERM after preStop, two processes on one port) loses no transaction and drains the stopping one',
  async () => {
    const r = await rollout(fixture, { clients: 100, seconds: 15, signalAfterMs: 2000, newClients: 20 });
    console.log('rollout:', JSON.stringify(r));
    expect({ failed: r.failed, aborted: r.aborted }).toEqual({ failed: 0, aborted: 0 });
    expect(r.processed).toBeGreaterThan(0);
    expect(r.clientsOnStoppingProcess).toBeGreaterThan(0); // it had clients of its own when signalled
    expect(r.newClientsServed).toBe(r.newClients); // new connections went to the other process …
    expect(r.newClientsOnStoppingProcess).toBe(0); // … none to the stopping one
    expect(r.exit).toEqual({ code: 0, signal: null }); // it exited by itself once its clients were done
  },
);

test('a storm of 1,000 clients: the excess over max_client_conn is refused clearly, the admitted complete', async () => {
  const r = await storm(fixture, { clients: 1000 });
  console.log('storm:', JSON.stringify(r));
  expect(r.admitted + r.refused).toBe(1000);
  expect(r.admitted).toBeGreaterThan(0);
  expect(r.admitted).toBeLessThanOrEqual(r.maxClientConnections);
  expect(r.refused).toBeGreaterThanOrEqual(1000 - r.maxClientConnections);
  expect(r.refusalMessages).toEqual(['no more connections allowed (max_client_conn)']);
  expect({ completed: r.admittedCompleted, failed: r.admittedFailed }).toEqual({
    completed: r.admitted,
    failed: 0,
  });
  expect(r.peakServerConnections).toBeLessThanOrEqual(pool);
});

test('a saturated pool fails one more client with query_wait_timeout instead of hanging it', async () => {
  const r = await saturatedPool(fixture);
  console.log('saturated pool:', JSON.stringify(r));
  expect(r.busyServerConnections).toBe(pool);
  expect(r.waiterError).toBe('query_wait_timeout');
});

/**
 * What happens to clients of the shipped PgBouncer under load and faults, measured: each scenario boots PgBouncer on
 * a fixture (pgbouncer-fixture.ts), provokes one situation and returns counts and times. The integration tests assert
 * the outcomes (counts, errors, states); `npm run bench:resilience` prints the figures.
 *
 *   sustained        N clients connected at once, T transactions each (pgbench), peak server connections read at
 *                    the server
 *   databaseRestart  pgbench, and PostgreSQL stopped (fast: an RDS reboot or failover) and started again mid-run
 *   rollout          two PgBouncers on one port (so_reuseport, two pods behind a Service); one gets SIGTERM, the
 *                    signal a pod gets after its preStop
 * Overload (storm, saturated pool) is in pgbouncer-overload.ts.
 */
import type { PgBouncerFixture } from './pgbouncer-fixture';
import { pgbench } from './pgbench';
import {
  busyBackends,
  logins,
  poolLimit,
  poolRow,
  refusalTimes,
  ROLE,
  sleep,
  withServerPeak,
} from './pgbouncer-observers';

export interface SustainedResult {
  readonly clients: number;
  readonly processed: number;
  readonly failed: number;
  readonly aborted: number;
  readonly tps: number;
  readonly peakServerConnections: number;
  readonly poolLimit: number;
}

/** `clients` connected at once, each running `transactions` transactions. */
export async function sustained(
  f: PgBouncerFixture,
  { clients, transactions }: { clients: number; transactions: number },
): Promise<SustainedResult> {
  const bouncer = await f.boot();
  try {
    const [load, peak] = await withServerPeak(f, () =>
      pgbench(f.through(bouncer.port), { clients, transactions }),
    );
    const { processed, failed, aborted, tps } = load;
    return { clients, processed, failed, aborted, tps, peakServerConnections: peak, poolLimit: poolLimit(f) };
  } finally {
    await bouncer.stop();
  }
}

export interface RestartResult {
  readonly clients: number;
  readonly aborted: number;
  readonly failed: number;
  readonly processed: number;
  readonly downMs: number;
  /** From the server accepting connections again to the first transaction completed through PgBouncer. */
  readonly recoveryMs: number;
  /** After the run: clients still queued, servers still busy in PgBouncer, busy backends at the server. */
  readonly clientsWaitingAfter: number;
  readonly serversActiveAfter: number;
  readonly busyBackendsAfter: number;
  readonly peakServerConnections: number;
  readonly poolLimit: number;
  /** Clients whose transaction was in flight when the server went down (the server's FATAL, or the lost connection). */
  readonly abortedInFlight: number;
  /** Clients refused at once when they began a transaction with the server known down (server_login_retry). */
  readonly abortedRefused: number;
  /** … of those, how many PgBouncer refused after the server was back (until its next login attempt). */
  readonly refusedAfterUp: number;
  /** Any other error that ended a client: message → count. */
  readonly abortedOther: Readonly<Record<string, number>>;
}

const IN_FLIGHT =
  /terminating connection due to administrator command|server conn crashed|server closed the connection unexpectedly|backend died/;
const REFUSED = /server login has been failing/;

/** Sorts pgbench's abort messages into the two reasons a restart gives, and anything else. */
function classifyAborts(messages: readonly string[]) {
  const abortedOther: Record<string, number> = {};
  for (const m of messages) {
    if (!IN_FLIGHT.test(m) && !REFUSED.test(m)) abortedOther[m] = (abortedOther[m] ?? 0) + 1;
  }
  return {
    abortedInFlight: messages.filter((m) => IN_FLIGHT.test(m)).length,
    abortedRefused: messages.filter((m) => REFUSED.test(m)).length,
    abortedOther,
  };
}

export async function databaseRestart(
  f: PgBouncerFixture,
  {
    clients,
    seconds,
    restartAfterMs,
    downMs,
  }: { clients: number; seconds: number; restartAfterMs: number; downMs: number },
): Promise<RestartResult> {
  const bouncer = await f.boot();
  try {
    let restart = { downAt: NaN, upAt: NaN };
    const [result, peak] = await withServerPeak(f, async () => {
      const load = pgbench(f.through(bouncer.port), {
        clients,
        seconds,
        allowAborts: true,
        transactionTimes: true,
      });
      // Every client logs in first: one connecting during the outage is refused at once, by design
      // (server_login_retry), and that is not what this scenario measures.
      for (let waited = 0; (await poolRow(f, bouncer)).clients < clients && waited < 60_000; waited += 200) {
        await sleep(200);
      }
      await sleep(restartAfterMs);
      restart = await f.postgres.restart(downMs);
      return load;
    });
    const { downAt, upAt } = restart;
    const firstAfter = result.completedAt.find((t) => t >= upAt);
    const after = await poolRow(f, bouncer);
    return {
      clients,
      aborted: result.aborted,
      failed: result.failed,
      processed: result.processed,
      downMs: upAt - downAt,
      recoveryMs: firstAfter === undefined ? NaN : firstAfter - upAt,
      clientsWaitingAfter: after.clientsWaiting,
      serversActiveAfter: after.serversActive,
      busyBackendsAfter: await busyBackends(f),
      peakServerConnections: peak,
      poolLimit: poolLimit(f),
      ...classifyAborts(result.abortMessages),
      refusedAfterUp: refusalTimes(bouncer.log()).filter((t) => t >= upAt).length,
    };
  } finally {
    await bouncer.stop();
  }
}

export interface RolloutResult {
  readonly clients: number;
  readonly processed: number;
  readonly failed: number;
  readonly aborted: number;
  /** Clients the signalled process had logged in when it got SIGTERM. */
  readonly clientsOnStoppingProcess: number;
  /** New connections made after the signal, and how many of them reached the stopping process. */
  readonly newClients: number;
  readonly newClientsServed: number;
  readonly newClientsOnStoppingProcess: number;
  /** How the signalled process ended, and when: after the load ended (its clients gone), from the signal. */
  readonly exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  readonly exitAfterLoadEndMs: number;
  readonly drainMs: number;
}

export async function rollout(
  f: PgBouncerFixture,
  {
    clients,
    seconds,
    signalAfterMs,
    newClients,
  }: { clients: number; seconds: number; signalAfterMs: number; newClients: number },
): Promise<RolloutResult> {
  const stopping = await f.boot({ reusePort: true });
  const staying = await f.boot({ port: stopping.port, reusePort: true });
  try {
    const load = pgbench(f.through(stopping.port), { clients, seconds });
    // In the cluster the preStop hook keeps new connections away from a stopping pod; here every client logs in
    // before the signal instead (one logging in to the stopping process would get "pooler is shutting down").
    const loggedIn = () => logins(stopping.log()) + logins(staying.log());
    for (let waited = 0; loggedIn() < clients && waited < 60_000; waited += 200) await sleep(200);
    await sleep(signalAfterMs);
    const clientsOnStoppingProcess = logins(stopping.log());
    stopping.signal('SIGTERM');
    const signalledAt = Date.now();
    await sleep(500);
    const before = logins(stopping.log());
    const served = await Promise.all(
      Array.from({ length: newClients }, async () => {
        const client = await f.client(stopping.port, ROLE);
        try {
          return (await client.query('SELECT 1 AS one')).rows[0].one === 1;
        } finally {
          await client.end();
        }
      }),
    );
    const newClientsOnStoppingProcess = logins(stopping.log()) - before;
    const result = await load;
    const loadEndedAt = Date.now();
    const exit = await stopping.exited(20_000);
    const exitedAt = Date.now();
    return {
      clients,
      processed: result.processed,
      failed: result.failed,
      aborted: result.aborted,
      clientsOnStoppingProcess,
      newClients,
      newClientsServed: served.filter(Boolean).length,
      newClientsOnStoppingProcess,
      exit,
      exitAfterLoadEndMs: exitedAt - loadEndedAt,
      drainMs: exitedAt - signalledAt,
    };
  } finally {
    await Promise.all([stopping.stop(), staying.stop()]);
  }
}

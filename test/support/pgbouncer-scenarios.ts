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
 *   storm            more clients at once than max_client_conn, each holding its connection until all have tried
 *   saturatedPool    every server connection busy; one more client waits
 */
import { Client } from 'pg';
import type { PgBouncerFixture } from './pgbouncer-fixture';
import { pgbench } from './pgbench';
import type { RunningPgBouncer } from './shipped-pgbouncer';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ROLE = 'payload_user';
const STATS_USER = 'pgbouncer_stats';

/** Server connections one PgBouncer may hold for one role: pool + reserve. */
export const poolLimit = (f: PgBouncerFixture) =>
  f.env.cluster.pgbouncer.defaultPoolSize + f.env.cluster.pgbouncer.reservePoolSize;

/**
 * Runs `work` while sampling, every 100 ms at the server, how many backends `role` holds; returns its result and the
 * peak. The sampler reconnects when the server restarts under it.
 */
async function withServerPeak<T>(
  f: PgBouncerFixture,
  work: () => Promise<T>,
  role = ROLE,
): Promise<[T, number]> {
  let peak = 0;
  let sampling = true;
  const loop = (async () => {
    let superuser: Client | undefined;
    while (sampling) {
      try {
        superuser ??= await f.superuser();
        const { rows } = await superuser.query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1',
          [role],
        );
        peak = Math.max(peak, rows[0].n);
      } catch {
        await superuser?.end().catch(() => undefined);
        superuser = undefined; // the server is restarting: try again on the next round
      }
      await sleep(100);
    }
    await superuser?.end().catch(() => undefined);
  })();
  try {
    return [await work(), peak];
  } finally {
    sampling = false;
    await loop;
  }
}

/** PgBouncer's SHOW POOLS row for `role`, read through the stats console. */
async function poolRow(f: PgBouncerFixture, bouncer: RunningPgBouncer, role = ROLE) {
  const console = await f.client(bouncer.port, STATS_USER, 'pgbouncer');
  try {
    const { rows } = await console.query('SHOW POOLS');
    const row = rows.find((r) => r.user === role) ?? {};
    const n = (key: string) => Number(row[key] ?? 0);
    return {
      clients: n('cl_active') + n('cl_waiting'),
      clientsWaiting: n('cl_waiting'),
      serversActive: n('sv_active'),
    };
  } finally {
    await console.end();
  }
}

/** Backends of `role` inside a statement or a transaction: none should be left once the clients are gone. */
async function busyBackends(f: PgBouncerFixture, role = ROLE): Promise<number> {
  const superuser = await f.superuser();
  try {
    const { rows } = await superuser.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1 AND state <> 'idle'",
      [role],
    );
    return rows[0].n;
  } finally {
    await superuser.end();
  }
}

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

/** When PgBouncer refused a client because server logins were failing (its log, UTC). */
function refusalTimes(log: string): number[] {
  const lines = log.matchAll(
    /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) UTC .* C-\S+ .*closing because: server login has been failing/gm,
  );
  return [...lines].map(([, day, time]) => Date.parse(`${day}T${time}Z`));
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

const logins = (log: string) => (log.match(/login attempt: db=/g) ?? []).length;

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

export interface StormResult {
  readonly attempted: number;
  readonly maxClientConnections: number;
  readonly admitted: number;
  readonly refused: number;
  /** Distinct error messages the refused clients got. */
  readonly refusalMessages: readonly string[];
  /** Time from a refused client's connect to its error: median and maximum. */
  readonly refusalMedianMs: number;
  readonly refusalMaxMs: number;
  readonly admittedCompleted: number;
  readonly admittedFailed: number;
  readonly peakServerConnections: number;
  readonly poolLimit: number;
}

type Attempt = { client: Client; ok: true } | { ok: false; message: string; ms: number };

async function attempt(f: PgBouncerFixture, port: number): Promise<Attempt> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: ROLE,
    password: f.password(ROLE),
    database: f.env.database.databaseName,
    connectionTimeoutMillis: 60_000,
  });
  client.on('error', () => undefined);
  const started = Date.now();
  try {
    await client.connect();
    return { client, ok: true };
  } catch (error) {
    return { ok: false, message: (error as Error).message, ms: Date.now() - started };
  }
}

/** @param ini another pgbouncer.ini to boot, for a benchmark's comparison. @default the synthesized one */
export async function storm(
  f: PgBouncerFixture,
  { clients, ini }: { clients: number; ini?: string },
): Promise<StormResult> {
  const bouncer = await f.boot(ini ? { ini } : {});
  try {
    const [{ admitted, refused, outcomes }, peakServerConnections] = await withServerPeak(f, async () => {
      const attempts = await Promise.all(Array.from({ length: clients }, () => attempt(f, bouncer.port)));
      const admitted = attempts.flatMap((a) => (a.ok ? [a.client] : []));
      const refused = attempts.flatMap((a) => (a.ok ? [] : [a]));
      // Every admitted client runs one short transaction while all of them still hold their connections.
      const outcomes = await Promise.all(
        admitted.map((c) =>
          c.query('SELECT pg_sleep(0.02), count(*) FROM pgbench_branches').then(
            () => true,
            () => false,
          ),
        ),
      );
      await Promise.all(admitted.map((c) => c.end().catch(() => undefined)));
      return { admitted, refused, outcomes };
    });
    const times = refused.map((r) => r.ms).sort((a, b) => a - b);
    return {
      attempted: clients,
      maxClientConnections: f.env.cluster.pgbouncer.maxClientConnections,
      admitted: admitted.length,
      refused: refused.length,
      refusalMessages: [...new Set(refused.map((r) => r.message))],
      refusalMedianMs: times[Math.floor(times.length / 2)] ?? NaN,
      refusalMaxMs: times[times.length - 1] ?? NaN,
      admittedCompleted: outcomes.filter(Boolean).length,
      admittedFailed: outcomes.filter((ok) => !ok).length,
      peakServerConnections,
      poolLimit: poolLimit(f),
    };
  } finally {
    await bouncer.stop();
  }
}

export interface SaturatedPoolResult {
  /** Clients holding every server connection of the pool (pool + reserve) with a long statement. */
  readonly holders: number;
  readonly busyServerConnections: number;
  /** What the one extra client got, how long it waited, and whether PgBouncer told it it was queued. */
  readonly waiterError: string | undefined;
  readonly waitedMs: number;
  readonly queuedNotices: number;
  readonly queryWaitTimeoutSeconds: number;
}

export async function saturatedPool(f: PgBouncerFixture): Promise<SaturatedPoolResult> {
  const pg = f.env.cluster.pgbouncer;
  const holders = poolLimit(f);
  // Long enough to outlast the reserve pool's opening and the waiter's whole wait.
  const holdSeconds = pg.reservePoolTimeoutSeconds + pg.queryWaitTimeoutSeconds + 5;
  const bouncer = await f.boot();
  const clients: Client[] = [];
  try {
    for (let i = 0; i < holders; i++) clients.push(await f.client(bouncer.port, ROLE));
    const holding = clients.map((c) => c.query(`SELECT pg_sleep(${holdSeconds})`).catch(() => undefined));
    let busyServerConnections = 0;
    for (
      let waited = 0;
      busyServerConnections < holders && waited < (pg.reservePoolTimeoutSeconds + 5) * 1000;
      waited += 200
    ) {
      await sleep(200);
      busyServerConnections = (await poolRow(f, bouncer)).serversActive;
    }
    const waiter = await f.client(bouncer.port, ROLE);
    clients.push(waiter);
    let queuedNotices = 0;
    waiter.on('notice', () => queuedNotices++);
    const started = Date.now();
    const waiterError = await waiter.query('SELECT 1').then(
      () => undefined,
      (error: Error) => error.message,
    );
    const waitedMs = Date.now() - started;
    const superuser = await f.superuser();
    await superuser.query('SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE usename = $1', [ROLE]);
    await superuser.end();
    await Promise.all(holding);
    return {
      holders,
      busyServerConnections,
      waiterError,
      waitedMs,
      queuedNotices,
      queryWaitTimeoutSeconds: pg.queryWaitTimeoutSeconds,
    };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await bouncer.stop();
  }
}

/**
 * The shipped PgBouncer overloaded, measured like pgbouncer-scenarios.ts:
 *   storm            more clients at once than max_client_conn, each holding its connection until all have tried
 *   saturatedPool    every server connection busy; one more client waits
 */
import { Client } from 'pg';
import type { PgBouncerFixture } from './pgbouncer-fixture';
import { poolLimit, poolRow, ROLE, sleep, withServerPeak } from './pgbouncer-observers';

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

/**
 * What the PgBouncer scenarios read while they run: server connections at the server, SHOW POOLS through the stats
 * console, busy backends, and PgBouncer's own log (logins, refusals).
 */
import type { Client } from 'pg';
import type { PgBouncerFixture } from './pgbouncer-fixture';
import type { RunningPgBouncer } from './shipped-pgbouncer';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const ROLE = 'payload_user';
const STATS_USER = 'pgbouncer_stats';

/** Server connections one PgBouncer may hold for one role: pool + reserve. */
export const poolLimit = (f: PgBouncerFixture) =>
  f.env.cluster.pgbouncer.defaultPoolSize + f.env.cluster.pgbouncer.reservePoolSize;

/**
 * Runs `work` while sampling, every 100 ms at the server, how many backends `role` holds; returns its result and the
 * peak. The sampler reconnects when the server restarts under it.
 */
export async function withServerPeak<T>(
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
export async function poolRow(f: PgBouncerFixture, bouncer: RunningPgBouncer, role = ROLE) {
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
export async function busyBackends(f: PgBouncerFixture, role = ROLE): Promise<number> {
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

/** When PgBouncer refused a client because server logins were failing (its log, UTC). */
export function refusalTimes(log: string): number[] {
  const lines = log.matchAll(
    /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) UTC .* C-\S+ .*closing because: server login has been failing/gm,
  );
  return [...lines].map(([, day, time]) => Date.parse(`${day}T${time}Z`));
}

/** Clients that logged in to a PgBouncer so far (log_connections). */
export const logins = (log: string) => (log.match(/login attempt: db=/g) ?? []).length;

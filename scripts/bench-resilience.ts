/**
 * `npm run bench:resilience`: what clients of dev's shipped PgBouncer get under load and faults, in figures.
 * The same scenarios the integration tests assert outcomes of (test/support/pgbouncer-scenarios.ts), on the same
 * fixture (dev's synthesized pgbouncer.ini on the version it is rendered for, a local PostgreSQL 15 playing RDS),
 * repeated BENCH_ROUNDS times (default 3, interleaved), reported as median [min–max]:
 *   - 500 clients connected at once, 20 transactions each: TPS, failures, peak server connections;
 *   - PostgreSQL restarted (fast, 2 s down) under 200 clients: failed transactions against those in flight, time
 *     from the server accepting connections to the first transaction through PgBouncer;
 *   - rollout: two processes on one port, SIGTERM to one: failures, its drain time;
 *   - storm: 1,000 clients against max_client_conn: admitted, refused, time to refusal; also with PgBouncer's default
 *     listen_backlog (128), the setting the chart changes, for comparison;
 *   - saturated pool: how long one more client waits before query_wait_timeout.
 * The machine (cores, load average, a CPU calibration loop) is printed too: the host is shared, figures are noisy.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dev } from '../environments/dev';
import { setIniValue } from '../test/support/ini-file';
import { startPgBouncerFixture } from '../test/support/pgbouncer-fixture';
import { saturatedPool, storm } from '../test/support/pgbouncer-overload';
import { databaseRestart, rollout, sustained } from '../test/support/pgbouncer-scenarios';

type Figures = Map<string, number[]>;

function record(figures: Figures, values: Record<string, number>): void {
  for (const [label, value] of Object.entries(values))
    figures.set(label, [...(figures.get(label) ?? []), value]);
}

function summary(values: readonly number[]): string {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return 'n/a';
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 0));
  const median = sorted[Math.floor(sorted.length / 2)];
  return sorted.length === 1
    ? fmt(median)
    : `${fmt(median)} [${fmt(sorted[0])}–${fmt(sorted[sorted.length - 1])}]`;
}

function calibrationSeconds(): number {
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', 'let s = 0; for (let i = 0; i < 1e8; i++) s += i;']);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function round(f: Awaited<ReturnType<typeof startPgBouncerFixture>>, figures: Figures): Promise<void> {
  const s = await sustained(f, { clients: 500, transactions: 20 });
  record(figures, {
    'sustained 500 clients: TPS': s.tps,
    'sustained 500 clients: failed + aborted transactions': s.failed + s.aborted,
    [`sustained 500 clients: peak server connections (pool + reserve ${s.poolLimit})`]:
      s.peakServerConnections,
  });
  const r = await databaseRestart(f, { clients: 200, seconds: 20, restartAfterMs: 2000, downMs: 2000 });
  record(figures, {
    'restart, 200 clients: failed + aborted transactions': r.failed + r.aborted,
    "restart, 200 clients: … of which in flight (the server's FATAL, or the connection lost)":
      r.abortedInFlight,
    'restart, 200 clients: … of which begun while the server was down (refused at once)': r.abortedRefused,
    'restart, 200 clients: … of those refused after the server was back': r.refusedAfterUp,
    'restart, 200 clients: failed for any other reason': Object.values(r.abortedOther).reduce(
      (a, b) => a + b,
      0,
    ),
    'restart, 200 clients: server down (ms)': r.downMs,
    'restart, 200 clients: server up → first transaction via PgBouncer (ms)': r.recoveryMs,
    'restart, 200 clients: stuck afterwards (waiting clients + busy servers + busy backends)':
      r.clientsWaitingAfter + r.serversActiveAfter + r.busyBackendsAfter,
  });
  const o = await rollout(f, { clients: 100, seconds: 15, signalAfterMs: 2000, newClients: 20 });
  record(figures, {
    'rollout, 100 clients: failed + aborted transactions': o.failed + o.aborted,
    'rollout, 100 clients: clients on the stopping process': o.clientsOnStoppingProcess,
    'rollout, 100 clients: new connections that reached the stopping process': o.newClientsOnStoppingProcess,
    'rollout, 100 clients: SIGTERM → exit (ms; its clients ran to the load end)': o.drainMs,
    'rollout, 100 clients: load end → exit (ms)': o.exitAfterLoadEndMs,
  });
  for (const [label, ini] of [
    ['storm, 1,000 clients', undefined],
    [
      'storm, 1,000 clients, default listen_backlog 128',
      setIniValue(f.ini, 'pgbouncer', 'listen_backlog', 128),
    ],
  ] as const) {
    const t = await storm(f, { clients: 1000, ...(ini ? { ini } : {}) });
    record(figures, {
      [`${label}: admitted (max_client_conn ${t.maxClientConnections})`]: t.admitted,
      [`${label}: refused`]: t.refused,
      [`${label}: refusal, median (ms)`]: t.refusalMedianMs,
      [`${label}: refusal, slowest (ms)`]: t.refusalMaxMs,
      [`${label}: admitted that failed`]: t.admittedFailed,
      [`${label}: peak server connections`]: t.peakServerConnections,
    });
  }
  const p = await saturatedPool(f);
  record(figures, {
    [`saturated pool: extra client's wait until "${p.waiterError}" (ms; query_wait_timeout ${p.queryWaitTimeoutSeconds} s)`]:
      p.waitedMs,
  });
}

async function main(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const before = { load: loadavg(), calibration: calibrationSeconds() };
  const f = await startPgBouncerFixture(dev);
  const figures: Figures = new Map();
  try {
    for (let i = 0; i < rounds; i++) await round(f, figures);
  } finally {
    await f.stop();
  }
  const after = { load: loadavg(), calibration: calibrationSeconds() };
  const cpu = cpus();
  console.log(
    [
      `PgBouncer ${f.binary.version} (${f.binary.shipped ? 'the shipped version' : 'NOT the shipped version'}: ${f.binary.obtained}), dev's synthesized pgbouncer.ini`,
      `pool ${f.env.cluster.pgbouncer.defaultPoolSize} + reserve ${f.env.cluster.pgbouncer.reservePoolSize} per user, max_client_conn ${f.env.cluster.pgbouncer.maxClientConnections}, PostgreSQL max_connections ${f.env.database.parameters.maxConnections}`,
      `machine: ${cpu.length} × ${cpu[0]?.model.trim()}; load average (1/5/15 min) before ${before.load.map((l) => l.toFixed(1)).join('/')}, after ${after.load.map((l) => l.toFixed(1)).join('/')}`,
      `calibration (1e8-step JS loop): ${before.calibration.toFixed(2)} s before, ${after.calibration.toFixed(2)} s after`,
      `${rounds} rounds, median [min–max]:`,
      ...[...figures].map(([label, values]) => `  ${label.padEnd(96)} ${summary(values)}`),
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

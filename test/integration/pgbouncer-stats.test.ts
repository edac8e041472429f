/**
 * The stats user of the shipped PgBouncer, the way the exporter sidecar uses it: the synthesized pgbouncer.ini and
 * userlist booted on the PgBouncer version they are rendered for (support/pgbouncer-fixture.ts), and the exporter's
 * connection string taken from the synthesized Secret. The stats user runs every SHOW command pgbouncer_exporter
 * v0.12.1 issues (prometheus-community/pgbouncer_exporter@v0.12.1:collector.go) and is refused every admin command;
 * the columns the alert rules read are in the answers.
 */
import { Client } from 'pg';
import { dev } from '../../environments/dev';
import { resourcesOfType } from '../../synth/terraform-json';
import { startPgBouncerFixture, type PgBouncerFixture } from '../support/pgbouncer-fixture';
import type { RunningPgBouncer } from '../support/shipped-pgbouncer';
import { synthEnvironment } from '../support/synth';

jest.setTimeout(180_000);

const STATS_USER = 'pgbouncer_stats';
/** What pgbouncer_exporter v0.12.1 runs on every scrape. */
const EXPORTER_COMMANDS = [
  'STATS',
  'STATS_TOTALS',
  'POOLS',
  'DATABASES',
  'LISTS',
  'CONFIG',
  'CLIENTS',
  'VERSION',
];
/** Admin console commands (PgBouncer doc/usage.md "Process controlling commands" and SET). */
const ADMIN_COMMANDS = [
  'PAUSE',
  'RESUME',
  'RELOAD',
  'SUSPEND',
  'SHUTDOWN',
  'RECONNECT',
  'KILL lightwave_platform',
  'DISABLE lightwave_platform',
  'ENABLE lightwave_platform',
  'SET default_pool_size = 1',
];

describe("the shipped PgBouncer's stats user, as the exporter sidecar uses it", () => {
  let fixture: PgBouncerFixture;
  let bouncer: RunningPgBouncer;
  let stats: Client;
  const rewrites: string[] = [];

  /** The sidecar's connection string from the synthesized Secret, the password resolved and the port local. */
  function exporterConnectionString(port: number): string {
    const stack = synthEnvironment(fixture.env);
    const flags = (
      resourcesOfType(stack, 'kubernetes_secret_v1').cluster_pgbouncer_exporter_flags.data as Record<
        string,
        string
      >
    ).flags;
    const shipped = /^--pgBouncer\.connectionString=(\S+)\n$/.exec(flags)?.[1] ?? '';
    const password = encodeURIComponent(fixture.password(STATS_USER));
    const local = shipped
      .replace(`\${urlencode(random_password.cluster_password_${STATS_USER}.result)}`, password)
      .replace(/@127\.0\.0\.1:\d+\//, `@127.0.0.1:${port}/`);
    rewrites.push(`port: ${/@127\.0\.0\.1:(\d+)\//.exec(shipped)?.[1]} → ${port}`);
    return local;
  }

  beforeAll(async () => {
    fixture = await startPgBouncerFixture(dev);
    bouncer = await fixture.boot();
    stats = new Client({ connectionString: exporterConnectionString(bouncer.port) });
    stats.on('error', () => undefined);
    await stats.connect();
  });

  afterAll(async () => {
    await stats?.end();
    await bouncer?.stop();
    await fixture?.stop();
  });

  test('the exporter connects with the shipped connection string: only the port differs', async () => {
    const listenPort = /^listen_port = (\d+)$/m.exec(fixture.ini)?.[1];
    expect(rewrites).toEqual([`port: ${listenPort} → ${bouncer.port}`]);
    const version = await stats.query('SHOW VERSION');
    expect(JSON.stringify(version.rows)).toContain(fixture.binary.version);
    if (process.env.CI === 'true') expect(fixture.binary.shipped).toBe(true);
    if (fixture.binary.shipped) expect(fixture.binary.version).toBe(dev.cluster.pgbouncer.version);
  });

  test.each(EXPORTER_COMMANDS)('SHOW %s answers the stats user', async (command) => {
    const result = await stats.query(`SHOW ${command}`);
    expect(result.rows.length).toBeGreaterThan(0);
  });

  test('the answers hold what the alert rules read', async () => {
    const pools = await stats.query('SHOW POOLS');
    expect(Object.keys(pools.rows[0])).toEqual(
      expect.arrayContaining(['sv_active', 'cl_waiting', 'maxwait']),
    );
    const lists = await stats.query('SHOW LISTS');
    expect(lists.rows.map((r) => r.list)).toContain('used_clients');
    const config = await stats.query('SHOW CONFIG');
    const setting = (key: string) => config.rows.find((r) => r.key === key)?.value;
    expect(Number(setting('max_client_conn'))).toBe(fixture.env.cluster.pgbouncer.maxClientConnections);
    expect(Number(setting('reserve_pool_timeout'))).toBe(
      fixture.env.cluster.pgbouncer.reservePoolTimeoutSeconds,
    );
    expect(String(setting('ignore_startup_parameters'))).toContain('extra_float_digits'); // lib/pq sends it
  });

  test.each(ADMIN_COMMANDS)('%s is refused to the stats user', async (command) => {
    await expect(stats.query(command)).rejects.toThrow(/admin access needed/);
  });

  test('PgBouncer still serves the applications afterwards', async () => {
    const app = await fixture.client(bouncer.port, 'payload_user');
    const result = await app.query('SELECT 1 AS ok');
    await app.end();
    expect(result.rows[0].ok).toBe(1);
  });
});

/**
 * PgBouncer as the cluster layer configures it, run for real: the pgbouncer.ini and userlist of dev's synthesized
 * ConfigMap and Secret, booted unchanged except addresses and paths on the PgBouncer version they are rendered for
 * (test/support/shipped-pgbouncer.ts lists the rewrites), in front of a local PostgreSQL 15 that, like RDS, accepts
 * TCP clients only over TLS and enforces dev's pinned max_connections (test/support/pgbouncer-fixture.ts).
 */
import { Client } from 'pg';
import { dev } from '../../environments/dev';
import { startPgBouncerFixture, type PgBouncerFixture } from '../support/pgbouncer-fixture';
import { sustained } from '../support/pgbouncer-scenarios';
import type { RunningPgBouncer } from '../support/shipped-pgbouncer';

jest.setTimeout(3 * 60_000);

let fixture: PgBouncerFixture;
let bouncer: RunningPgBouncer;
beforeAll(async () => {
  fixture = await startPgBouncerFixture(dev);
  bouncer = await fixture.boot();
});
afterAll(async () => {
  await bouncer?.stop();
  await fixture?.stop();
});

/** `key = value` lines of the [pgbouncer] section. */
function pgbouncerSettings(ini: string): Map<string, string> {
  const section = ini.split(/^\[pgbouncer\]$/m)[1]?.split(/^\[/m)[0] ?? '';
  return new Map(
    section
      .split('\n')
      .filter((l) => l.includes('=') && !/^\s*[;#]/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')).trim(), l.slice(l.indexOf('=') + 1).trim()]),
  );
}

test('runs the version the config names (CI never falls back)', () => {
  if (process.env.CI === 'true') expect(fixture.binary.shipped).toBe(true);
  if (fixture.binary.shipped) expect(fixture.binary.version).toBe(dev.cluster.pgbouncer.version);
  expect(fixture.ini).toContain(`; pgbouncer.ini for PgBouncer ${fixture.binary.version},`);
});

test('loads every setting of the shipped ini as written (SHOW CONFIG), and warns about none', async () => {
  const console = await fixture.client(bouncer.port, 'pgbouncer_stats', 'pgbouncer');
  const { rows } = await console.query('SHOW CONFIG');
  await console.end();
  const running = new Map(rows.map((r) => [String(r.key), String(r.value)]));
  const written = pgbouncerSettings(bouncer.ini);
  expect(written.size).toBeGreaterThan(30);
  const differing = [...written]
    .filter(([key, value]) => running.get(key) !== value)
    .map(([key, value]) => `${key}: ini ${value}, running ${running.get(key) ?? '(unknown key)'}`);
  expect(differing).toEqual([]);
  expect(bouncer.log().match(/^.*(WARNING|ERROR).*$/gm) ?? []).toEqual([]);
});

test.each(Object.values(dev.cluster.apps).map((a) => [a.databaseRole]))(
  '%s logs in through PgBouncer (SCRAM) and lands in its own schema',
  async (role) => {
    const client = await fixture.client(bouncer.port, role);
    try {
      const owned = dev.databaseAccess.schemas.find((s) => s.owner === role)?.name;
      const result = await client.query('SELECT current_user AS who, current_schema() AS schema');
      expect(result.rows[0]).toEqual({ who: role, schema: owned });
    } finally {
      await client.end();
    }
  },
);

test('a wrong password is refused', async () => {
  const client = new Client({
    host: '127.0.0.1',
    port: bouncer.port,
    user: 'payload_user',
    password: 'wrong',
    database: dev.database.databaseName,
  });
  await expect(client.connect()).rejects.toThrow(/password authentication failed|SASL/);
});

test('PgBouncer reaches PostgreSQL over TLS (server_tls_sslmode = require)', async () => {
  const client = await fixture.client(bouncer.port, 'payload_user');
  await client.query('SELECT 1');
  await client.end();
  const superuser = await fixture.superuser();
  const sessions = await superuser.query(
    "SELECT bool_and(s.ssl) AS all_tls, count(*)::int AS n FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.usename = 'payload_user'",
  );
  await superuser.end();
  expect(sessions.rows[0].all_tls).toBe(true);
  expect(sessions.rows[0].n).toBeGreaterThan(0);
});

test('500 clients sustained (max_client_conn): no failed transaction, server connections within pool + reserve', async () => {
  await bouncer.stop(); // its idle server connections would count against the pool measured at the server
  const r = await sustained(fixture, { clients: 500, transactions: 10 });
  console.log('sustained:', JSON.stringify(r));
  expect({ failed: r.failed, aborted: r.aborted }).toEqual({ failed: 0, aborted: 0 });
  expect(r.processed).toBeGreaterThan(0);
  expect(r.peakServerConnections).toBeGreaterThan(0);
  expect(r.peakServerConnections).toBeLessThanOrEqual(r.poolLimit);
});

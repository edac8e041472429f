/**
 * PgBouncer as the cluster layer configures it, run for real: Debian's PgBouncer started with the pgbouncer.ini
 * and userlist taken from the synthesized ConfigMap and Secret of dev (rendered for the installed PgBouncer
 * version), in front of a throwaway PostgreSQL 15 that, like RDS, accepts TCP clients only over TLS.
 *
 * What is rewritten, and nothing else:
 *   [databases] lightwave_platform  host/port: RDS's address → the local server on 127.0.0.1 (TLS settings kept:
 *                                   server_tls_sslmode = require is exercised against the local server)
 *   listen_addr, listen_port        0.0.0.0:6432 in the pod → 127.0.0.1 and a free port
 *   auth_file                       the Secret's mount path → the temp dir holding the same userlist
 *   logfile, pidfile                added: PgBouncer runs daemonized here instead of as a container's process
 * The userlist's password references are filled with the passwords the emulated apply generated.
 */
import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { dev } from '../../environments/dev';
import {
  ACCESS_RESOURCE_TYPES,
  emulatedApply,
  resolveInline,
  type AppliedState,
} from '../support/emulated-apply';
import { freePort } from '../support/free-port';
import { getIniValue, setIniValue } from '../support/ini-file';
import {
  installedPgBouncerVersion,
  pgBouncerFiles,
  startLocalPgBouncer,
  type LocalPgBouncer,
} from '../support/local-pgbouncer';
import { startLocalPostgres, type LocalPostgres } from '../support/local-postgres';
import { createRdsLikeDatabase } from '../support/rds-like-database';
import { synthEnvironment, withChange } from '../support/synth';
import { resourcesOfType } from '../../synth/terraform-json';

jest.setTimeout(5 * 60_000);

const LOAD_CLIENTS = 200;
const LOAD_SECONDS = 12;
const version = installedPgBouncerVersion();
if (!version && process.env.CI === 'true') throw new Error('CI=true, but pgbouncer is not installed');
if (!version) console.warn('\n!!!!! SKIPPING the PgBouncer tests: pgbouncer is not installed !!!!!\n');
const describePgBouncer = version ? describe : describe.skip;

// The dev environment, with pgbouncer.ini rendered for the PgBouncer installed here.
const env = withChange(dev, (e) => {
  e.cluster.pgbouncer.version = version ?? e.cluster.pgbouncer.version;
  e.cluster.pgbouncer.image.tag = e.cluster.pgbouncer.version;
});
const pool = env.cluster.pgbouncer.defaultPoolSize + env.cluster.pgbouncer.reservePoolSize;

interface PgbenchResult {
  readonly tps: number;
  readonly failed: number;
  readonly processed: number;
  readonly output: string;
}

/** Runs pgbench (bounded in time) and reads its summary. */
function pgbench(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<PgbenchResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`pgbench ${args.join(' ')} exited ${code}:\n${output}`));
      const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? NaN);
      resolve({
        tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
        failed: number(/number of failed transactions: (\d+)/),
        processed: number(/number of transactions actually processed: (\d+)/),
        output,
      });
    });
  });
}

describePgBouncer(`PgBouncer ${version} with dev's synthesized configuration`, () => {
  const stack = synthEnvironment(env);
  const state: AppliedState = new Map();
  const rewrites: string[] = [];
  let postgres: LocalPostgres;
  let bouncer: LocalPgBouncer;
  let port: number;
  let superuser: Client;
  const password = (role: string) =>
    String(state.get(`postgresql_role.database_access_role_${role}`)?.password);

  beforeAll(async () => {
    postgres = await startLocalPostgres({ tls: true, settings: { max_connections: 300 } });
    try {
      const master = await createRdsLikeDatabase(postgres, env);
      await emulatedApply(master, stack, ACCESS_RESOURCE_TYPES, state);
      await master.end();
      superuser = await postgres.connect('postgres', env.database.databaseName);

      const configMap = resourcesOfType(stack, 'kubernetes_config_map_v1').cluster_pgbouncer_config;
      const secret = resourcesOfType(stack, 'kubernetes_secret_v1').cluster_pgbouncer_userlist;
      let ini = (configMap.data as Record<string, string>)['pgbouncer.ini'];
      const userlist = resolveInline((secret.data as Record<string, string>)['userlist.txt'], state);

      port = await freePort();
      const files = pgBouncerFiles();
      const db = env.database.databaseName;
      const set = (section: string, key: string, value: string | number) => {
        rewrites.push(`[${section}] ${key}: ${getIniValue(ini, section, key) ?? '(unset)'} → ${value}`);
        ini = setIniValue(ini, section, key, value);
      };
      set('databases', db, `host=127.0.0.1 port=${postgres.port} dbname=${db}`);
      set('pgbouncer', 'listen_addr', '127.0.0.1');
      set('pgbouncer', 'listen_port', port);
      set('pgbouncer', 'auth_file', files.authFile);
      set('pgbouncer', 'logfile', files.logFile);
      set('pgbouncer', 'pidfile', files.pidFile);
      console.log(`pgbouncer.ini rewrites for the local run:\n  ${rewrites.join('\n  ')}`);
      bouncer = await startLocalPgBouncer(files, resolveInline(ini, state), userlist, port);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- postgres log ---\n${postgres.logTail()}`);
    }
  });

  afterAll(async () => {
    await bouncer?.stop();
    await superuser?.end();
    await postgres?.stop();
  });

  const throughBouncer = async (
    role: string,
    database = env.database.databaseName,
    secret = password(role),
  ): Promise<Client> => {
    const client = new Client({ host: '127.0.0.1', port, user: role, password: secret, database });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };

  test('only the backend address and the local run files were rewritten', () => {
    expect(rewrites.map((r) => r.split(':')[0])).toEqual([
      '[databases] lightwave_platform',
      '[pgbouncer] listen_addr',
      '[pgbouncer] listen_port',
      '[pgbouncer] auth_file',
      '[pgbouncer] logfile',
      '[pgbouncer] pidfile',
    ]);
  });

  test.each(Object.values(env.cluster.apps).map((a) => [a.databaseRole]))(
    '%s logs in through PgBouncer (SCRAM) and lands in its own schema',
    async (role) => {
      const client = await throughBouncer(role);
      try {
        const owned = env.databaseAccess.schemas.find((s) => s.owner === role)?.name;
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
      port,
      user: 'payload_user',
      password: 'wrong',
      database: env.database.databaseName,
    });
    await expect(client.connect()).rejects.toThrow(/password authentication failed|SASL/);
  });

  test('PgBouncer reaches PostgreSQL over TLS (server_tls_sslmode = require)', async () => {
    const client = await throughBouncer('payload_user');
    await client.query('SELECT 1');
    await client.end();
    const sessions = await superuser.query(
      "SELECT bool_and(s.ssl) AS all_tls, count(*)::int AS n FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.usename = 'payload_user'",
    );
    expect(sessions.rows[0]).toEqual({ all_tls: true, n: expect.any(Number) });
    expect(sessions.rows[0].n).toBeGreaterThan(0);
  });

  test(`${LOAD_CLIENTS} clients for ${LOAD_SECONDS} s: no failed transaction, server connections within the pool`, async () => {
    const common = { PGPASSWORD: password('payload_user'), PGSSLMODE: 'disable' };
    const viaBouncer = [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'payload_user',
      env.database.databaseName,
    ];
    await pgbench(['-i', '-s', '5', '-q', ...viaBouncer], common, 120_000);

    const statsPassword = String(state.get('random_password.cluster_password_pgbouncer_stats')?.result);
    const stats = await throughBouncer('pgbouncer_stats', 'pgbouncer', statsPassword);
    let peakPool = 0;
    let peakBackends = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const pools = await stats.query('SHOW POOLS');
        for (const row of pools.rows.filter((r) => r.user === 'payload_user')) {
          const servers = Object.entries(row)
            .filter(([k]) => k.startsWith('sv_'))
            .reduce((sum, [, v]) => sum + Number(v), 0);
          peakPool = Math.max(peakPool, servers);
        }
        const backends = await superuser.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'payload_user'",
        );
        peakBackends = Math.max(peakBackends, backends.rows[0].n);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const load = await pgbench(
      ['-c', String(LOAD_CLIENTS), '-j', '4', '-T', String(LOAD_SECONDS), '-n', ...viaBouncer],
      common,
      120_000,
    ).finally(() => (polling = false));
    await poll;
    await stats.end();

    // Direct: as many clients as payload_user's connection limit lets through, with PgBouncer's servers released.
    await bouncer.stop();
    const directClients = Math.min(
      LOAD_CLIENTS,
      env.databaseAccess.roles.flatMap((r) =>
        r.login && r.name === 'payload_user' ? [r.connectionLimit] : [],
      )[0],
    );
    const direct = await pgbench(
      [
        '-c',
        String(directClients),
        '-j',
        '4',
        '-T',
        String(LOAD_SECONDS),
        '-n',
        '-h',
        '127.0.0.1',
        '-p',
        String(postgres.port),
        '-U',
        'payload_user',
        env.database.databaseName,
      ],
      { ...common, PGSSLMODE: 'require' },
      120_000,
    );

    console.log(
      [
        `PgBouncer ${version}, pool ${env.cluster.pgbouncer.defaultPoolSize} + reserve ${env.cluster.pgbouncer.reservePoolSize} per user:`,
        `  through PgBouncer: ${LOAD_CLIENTS} clients, ${load.tps.toFixed(0)} TPS, ${load.processed} transactions, ${load.failed} failed`,
        `  direct (TLS):      ${directClients} clients (payload_user's connection limit), ${direct.tps.toFixed(0)} TPS, ${direct.failed} failed`,
        `  peak server connections: ${peakPool} in SHOW POOLS, ${peakBackends} payload_user backends in pg_stat_activity (limit ${pool})`,
      ].join('\n'),
    );
    expect(load.failed).toBe(0);
    expect(load.processed).toBeGreaterThan(0);
    expect(peakPool).toBeGreaterThan(0);
    expect(peakPool).toBeLessThanOrEqual(pool);
    expect(peakBackends).toBeLessThanOrEqual(pool);
    expect(direct.failed).toBe(0);
  });
});

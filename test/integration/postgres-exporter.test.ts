/**
 * The monitoring role on a real PostgreSQL 15, read by Debian's prometheus-postgres-exporter: the role and its grants
 * are applied from dev's synthesized stack (provider SQL emulated, as in the access tests), the exporter is started
 * with the environment of the synthesized Deployment and the credentials of the synthesized Secret, over TLS like RDS.
 *
 * What differs from the cluster, and nothing else:
 *   DATA_SOURCE_URI          RDS's address → the local server's TLS listener on 127.0.0.1
 *   *_FILE paths             the Secret's mount → a temp dir holding the same two values
 *   --web.listen-address     :9187 in the pod → 127.0.0.1 and a free port
 *   --collector.stat_statements   the image's collector (v0.20.1) is not in Debian's 0.11.1: EMULATED with
 *                            --extend.query-path running that collector's own PostgreSQL 13–16 query
 *                            (prometheus-community/postgres_exporter@v0.20.1:collector/pg_stat_statements.go,
 *                            pgStatStatementsQuery_PG13, include_query off, limit 100), so the series are named alike.
 * The extensions, pg_stat_statements among them, are created as the stack's postgresql_extension resources say (in
 * the extensions schema, support/postgresql-extension-emulation.ts); the exporter finds the view through the
 * monitoring role's search_path, as the real collector's unqualified query does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dev } from '../../environments/dev';
import { resourcesOfType, type Block } from '../../synth/terraform-json';
import {
  ACCESS_RESOURCE_TYPES,
  emulatedApply,
  resolveInline,
  type AppliedState,
} from '../support/emulated-apply';
import { freePort } from '../support/free-port';
import { startLocalPostgres, type LocalPostgres } from '../support/local-postgres';
import { applyExtensions } from '../support/postgresql-extension-emulation';
import { createRdsLikeDatabase } from '../support/rds-like-database';
import { synthEnvironment } from '../support/synth';
import { binaryOrSkip } from '../support/system-binary';

jest.setTimeout(180_000);
const exporterBinary = binaryOrSkip('prometheus-postgres-exporter', '/usr/bin/prometheus-postgres-exporter');
const describeExporter = exporterBinary ? describe : describe.skip;

/** The v0.20.1 stat_statements collector's PG 13–16 query, as an extend.query-path entry (0.11.1's format). */
const STAT_STATEMENTS_QUERIES = `pg_stat_statements:
  query: |
    SELECT pg_get_userbyid(userid) as user, pg_database.datname, pg_stat_statements.queryid,
      pg_stat_statements.calls as calls_total,
      pg_stat_statements.total_exec_time / 1000.0 as seconds_total,
      pg_stat_statements.rows as rows_total,
      pg_stat_statements.blk_read_time / 1000.0 as block_read_seconds_total,
      pg_stat_statements.blk_write_time / 1000.0 as block_write_seconds_total
    FROM pg_stat_statements(false)
    JOIN pg_database ON pg_database.oid = pg_stat_statements.dbid
    WHERE total_exec_time > (SELECT percentile_cont(0.1) WITHIN GROUP (ORDER BY total_exec_time) FROM pg_stat_statements(false))
    ORDER BY seconds_total DESC
    LIMIT 100
  metrics:
    - user: { usage: "LABEL", description: "role" }
    - datname: { usage: "LABEL", description: "database" }
    - queryid: { usage: "LABEL", description: "query id" }
    - calls_total: { usage: "COUNTER", description: "Number of times executed" }
    - seconds_total: { usage: "COUNTER", description: "Total time spent in the statement, in seconds" }
    - rows_total: { usage: "COUNTER", description: "Rows retrieved or affected" }
    - block_read_seconds_total: { usage: "COUNTER", description: "Time reading blocks, in seconds" }
    - block_write_seconds_total: { usage: "COUNTER", description: "Time writing blocks, in seconds" }
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(body));
    });
    request.on('error', reject);
    request.setTimeout(10_000, () => request.destroy(new Error(`${url} timed out`)));
  });
}

describeExporter("Debian's postgres exporter as dev's monitoring role on PostgreSQL 15", () => {
  const env = dev;
  const role = env.databaseAccess.monitoringRole;
  /** Where pg_stat_statements lives, the monitoring role's only schema. */
  const extensions = env.databaseAccess.extensions.schema;
  const db = env.database.databaseName;
  const stack = synthEnvironment(env);
  const state: AppliedState = new Map();
  const deployment = resourcesOfType(
    stack,
    'kubernetes_deployment_v1',
  ).cluster_monitoring_postgres_exporter_deployment;
  const container = (deployment.spec as { template: { spec: { container: Block[] } } }).template.spec
    .container[0];
  const secret = resourcesOfType(stack, 'kubernetes_secret_v1')
    .cluster_monitoring_postgres_exporter_credentials.data as Record<string, string>;
  let postgres: LocalPostgres;
  let exporter: ChildProcess | undefined;
  let metricsUrl: string;
  let logFile: string;
  const dir = mkdtempSync(join(tmpdir(), 'lightwave-pg-exporter-'));
  const rewrites: string[] = [];

  const password = () => resolveInline(secret.password, state);
  const asMonitoring = async () => {
    const client = new Client({
      host: '127.0.0.1',
      port: postgres.port,
      user: role.name,
      password: password(),
      database: db,
      ssl: { rejectUnauthorized: false },
    });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };

  /** The Deployment's environment and flags, rewritten for the local run (listed in `rewrites`). */
  function exporterInvocation(port: number): { args: string[]; env: Record<string, string> } {
    const envVars = Object.fromEntries(
      (container.env as { name: string; value: string }[]).map((e) => [e.name, e.value]),
    );
    const local = {
      DATA_SOURCE_URI: envVars.DATA_SOURCE_URI.replace(
        /^\$\{aws_db_instance\.database_instance\.address\}:\d+/,
        `127.0.0.1:${postgres.port}`,
      ),
      DATA_SOURCE_USER_FILE: join(dir, 'username'),
      DATA_SOURCE_PASS_FILE: join(dir, 'password'),
    };
    for (const [k, v] of Object.entries(local)) rewrites.push(`${k}: ${envVars[k]} → ${v}`);
    const args = (container.args as string[]).flatMap((arg) => {
      if (arg.startsWith('--web.listen-address=')) return [`--web.listen-address=127.0.0.1:${port}`];
      if (arg === '--collector.stat_statements') return [`--extend.query-path=${join(dir, 'queries.yaml')}`];
      return [arg];
    });
    rewrites.push(`args: ${(container.args as string[]).join(' ')} → ${args.join(' ')}`);
    return { args, env: local };
  }

  beforeAll(async () => {
    postgres = await startLocalPostgres({
      tls: true,
      settings: { shared_preload_libraries: "'pg_stat_statements'" },
    });
    try {
      const master = await createRdsLikeDatabase(postgres, env);
      await emulatedApply(master, stack, ACCESS_RESOURCE_TYPES, state);
      const superuser = await postgres.connect('postgres', db);
      await applyExtensions(stack, master, superuser);
      await master.end();
      await superuser.query('SET ROLE payload_user');
      await superuser.query('CREATE TABLE payload.articles (id serial PRIMARY KEY, title text)');
      for (let i = 0; i < 20; i++)
        await superuser.query('INSERT INTO payload.articles (title) VALUES ($1)', [`t${i}`]);
      await superuser.query('SELECT count(*) FROM payload.articles');
      await superuser.end();

      writeFileSync(join(dir, 'username'), resolveInline(secret.username, state));
      writeFileSync(join(dir, 'password'), password());
      writeFileSync(join(dir, 'queries.yaml'), STAT_STATEMENTS_QUERIES);
      for (const f of ['username', 'password', 'queries.yaml']) chmodSync(join(dir, f), 0o644);
      chmodSync(dir, 0o755);
      logFile = join(dir, 'exporter.log');
      const port = await freePort();
      metricsUrl = `http://127.0.0.1:${port}/metrics`;
      const { args, env: vars } = exporterInvocation(port);
      console.log(`postgres exporter rewrites for the local run:\n  ${rewrites.join('\n  ')}`);
      const log = openSync(logFile, 'a');
      const asRoot = process.getuid?.() === 0;
      const [command, fullArgs] = asRoot
        ? ['runuser', ['-u', 'nobody', '--', exporterBinary as string, ...args]]
        : [exporterBinary as string, args];
      exporter = spawn(command, fullArgs, {
        env: { PATH: process.env.PATH ?? '', ...vars },
        stdio: ['ignore', log, log],
      });
      closeSync(log); // the child keeps its own copy
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- postgres log ---\n${postgres.logTail()}`);
    }
  });

  afterAll(async () => {
    if (exporter?.pid) {
      exporter.kill('SIGTERM');
      for (let waited = 0; exporter.exitCode === null && waited < 10_000; waited += 100) await sleep(100);
      if (exporter.exitCode === null) exporter.kill('SIGKILL');
    }
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Scrapes until the exporter answers with pg_up (bounded). */
  async function scrape(): Promise<string> {
    for (let waited = 0; waited < 30_000; waited += 500) {
      const body = await fetchText(metricsUrl).catch(() => '');
      if (/^pg_up /m.test(body)) return body;
      await sleep(500);
    }
    throw new Error(`no pg_up from the exporter after 30 s:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
  }

  test('only the address, the file paths and the listen address were rewritten (and the collector emulated)', () => {
    expect(rewrites.map((r) => r.split(':')[0])).toEqual([
      'DATA_SOURCE_URI',
      'DATA_SOURCE_USER_FILE',
      'DATA_SOURCE_PASS_FILE',
      'args',
    ]);
  });

  test('the exporter logs in as the monitoring role over TLS and reports pg_up 1', async () => {
    const body = await scrape();
    expect(body).toMatch(/^pg_up 1$/m);
    const probe = await asMonitoring();
    const sessions = await probe.query(
      'SELECT bool_and(s.ssl) AS tls, count(*)::int AS n FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.usename = $1 AND a.pid <> pg_backend_pid()',
      [role.name],
    );
    await probe.end();
    expect(sessions.rows[0]).toEqual({ tls: true, n: expect.any(Number) });
    expect(sessions.rows[0].n).toBeGreaterThan(0);
  });

  test("pg_stat_statements data reaches the metrics, other roles' statements included (pg_monitor)", async () => {
    const body = await scrape();
    const calls = body.split('\n').filter((l) => l.startsWith('pg_stat_statements_calls_total{'));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.some((l) => l.includes('user="payload_user"') && l.includes(`datname="${db}"`))).toBe(true);
    expect(body).toMatch(/^pg_stat_statements_seconds_total\{/m);
  });

  test('the monitoring role reads statistics, never application data', async () => {
    const client = await asMonitoring();
    try {
      const member = await client.query("SELECT pg_has_role(current_user, 'pg_monitor', 'member') AS m");
      expect(member.rows[0].m).toBe(true);
      const others = await client.query(
        "SELECT query FROM pg_stat_statements WHERE query LIKE 'INSERT INTO payload.articles%'",
      );
      expect(others.rows.length).toBeGreaterThan(0);
      await expect(client.query('SELECT * FROM payload.articles')).rejects.toThrow(
        /permission denied for schema payload/,
      );
      await expect(client.query('SELECT * FROM django.django_migrations')).rejects.toThrow(
        /permission denied for schema django/,
      );
      await expect(client.query('CREATE TABLE public.probe (id int)')).rejects.toThrow(
        /permission denied for schema public/,
      );
      await expect(client.query(`CREATE TABLE ${extensions}.probe (id int)`)).rejects.toThrow(
        new RegExp(`permission denied for schema ${extensions}`),
      );
      const search = await client.query('SHOW search_path');
      expect(search.rows[0].search_path).toBe(extensions);
      const view = await client.query(
        "SELECT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'pg_stat_statements'",
      );
      expect(view.rows).toEqual([{ schema: extensions }]);
    } finally {
      await client.end();
    }
  });

  test(`the monitoring role holds at most ${role.connectionLimit} connections`, async () => {
    // The exporter may hold one of them; open more until the server refuses.
    const held: Client[] = [];
    let refused: Error | undefined;
    try {
      for (let i = 0; i <= role.connectionLimit && !refused; i++) {
        await asMonitoring().then(
          (c) => held.push(c),
          (e: Error) => (refused = e),
        );
      }
    } finally {
      await Promise.all(held.map((c) => c.end()));
    }
    expect(refused?.message).toMatch(/too many connections for role "monitoring"/);
    expect(held.length).toBeLessThanOrEqual(role.connectionLimit);
  });
});

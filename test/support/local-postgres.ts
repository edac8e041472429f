/**
 * A throwaway PostgreSQL 15 server for integration tests: its own data directory and unix socket in a temp dir,
 * optionally a TLS listener on 127.0.0.1 (self-signed certificate, like RDS with rds.force_ssl=1: TCP clients must
 * use TLS), logs to a file, every step bounded in time, stopped and removed by `stop()`.
 *
 * PostgreSQL refuses to run as root; when the tests run as root the server runs as the unprivileged `postgres`
 * user (created by Debian's postgresql packages). Binaries: `LIGHTWAVE_PG_BINDIR`, else `pg_ctl`/`initdb` on PATH,
 * else Debian's layout (/usr/lib/postgresql/15/bin).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

const STEP_TIMEOUT_MS = 60_000;

function findBinDir(): string {
  const candidates = [
    process.env.LIGHTWAVE_PG_BINDIR,
    ...(process.env.PATH ?? '').split(delimiter),
    '/usr/lib/postgresql/15/bin',
  ].filter((d): d is string => Boolean(d));
  for (const dir of candidates) {
    if (!existsSync(join(dir, 'pg_ctl')) || !existsSync(join(dir, 'initdb'))) continue;
    const version = spawnSync(join(dir, 'pg_ctl'), ['--version'], { encoding: 'utf8' }).stdout;
    if (/\b15\.\d+/.test(version)) return dir;
  }
  throw new Error(
    'PostgreSQL 15 server binaries not found (install postgresql-15 or set LIGHTWAVE_PG_BINDIR)',
  );
}

/** Runs a server binary, as `postgres` when we are root. */
function runAsServerUser(binary: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, fullArgs] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', binary, ...args]]
    : [binary, args];
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', timeout: STEP_TIMEOUT_MS });
  if (result.status !== 0) {
    throw new Error(
      `${binary} ${args.join(' ')} failed (${result.error ?? `exit ${result.status}`}): ${result.stderr}`,
    );
  }
}

/** runAsServerUser without blocking the event loop (clients keep being served meanwhile). */
function runAsServerUserAsync(binary: string, args: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const [command, fullArgs] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', binary, ...args]]
    : [binary, args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, fullArgs, { stdio: ['ignore', 'ignore', 'pipe'], timeout: STEP_TIMEOUT_MS });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${binary} ${args.join(' ')} failed (exit ${code}): ${stderr}`)),
    );
  });
}

export interface LocalPostgres {
  /** Directory holding the server's unix socket (use as `host`). */
  readonly socketDir: string;
  readonly port: number;
  readonly logFile: string;
  /** Connects over the socket; the bootstrap superuser `postgres` needs no password. */
  connect(user: string, database: string, password?: string): Promise<Client>;
  /** The tail of the server log, for failure messages. */
  logTail(): string;
  /**
   * Stops the server the way an RDS reboot or failover treats its sessions (fast shutdown: open transactions roll
   * back, every client is disconnected), keeps it down `downMs`, and starts it again. Resolves with when it went down
   * and when it accepted connections again (epoch ms).
   */
  restart(downMs: number): Promise<{ downAt: number; upAt: number }>;
  /** Closes clients still open, stops the server and removes its directory. */
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  /** Extra `postgresql.conf` settings. */
  readonly settings?: Readonly<Record<string, string | number>>;
  /** Also listen on 127.0.0.1 (a free port), TLS only. @default false */
  readonly tls?: boolean;
}

export async function startLocalPostgres(options: LocalPostgresOptions = {}): Promise<LocalPostgres> {
  const bin = findBinDir();
  const root = mkdtempSync(join(tmpdir(), 'lightwave-pg-'));
  const data = join(root, 'data');
  const socketDir = join(root, 'socket');
  const logFile = join(root, 'postgres.log');
  mkdirSync(socketDir);
  writeFileSync(logFile, '');
  if (process.getuid?.() === 0) {
    const [uid, gid] = ['-u', '-g'].map((flag) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' })),
    );
    for (const path of [root, socketDir, logFile]) chownSync(path, uid, gid);
  }
  const port = options.tls ? await freePort() : 5432;

  runAsServerUser(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  // Only the bootstrap superuser is trusted (fixtures); every other role logs in with SCRAM, as on RDS.
  writeFileSync(
    join(data, 'pg_hba.conf'),
    'local all postgres trust\nlocal all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n',
  );
  if (options.tls) {
    runAsServerUser('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-keyout',
      join(data, 'server.key'),
      '-out',
      join(data, 'server.crt'),
    ]);
    runAsServerUser('chmod', ['600', join(data, 'server.key')]); // PostgreSQL refuses a readable key
  }
  const settings: Record<string, string | number> = {
    listen_addresses: options.tls ? "'127.0.0.1'" : "''",
    ssl: options.tls ? 'on' : 'off',
    unix_socket_directories: `'${socketDir}'`,
    port,
    password_encryption: "'scram-sha-256'",
    fsync: 'off',
    ...options.settings,
  };
  writeFileSync(
    join(data, 'postgresql.auto.conf'),
    Object.entries(settings)
      .map(([k, v]) => `${k} = ${v}\n`)
      .join(''),
  );
  const pgCtl = join(bin, 'pg_ctl');
  runAsServerUser(pgCtl, ['-D', data, '-l', logFile, '-w', '-t', '60', 'start']);

  let stopped = false;
  const open = new Set<Client>();
  return {
    socketDir,
    port,
    logFile,
    async connect(user, database, password) {
      const client = new Client({
        host: socketDir,
        port,
        user,
        database,
        password,
        connectionTimeoutMillis: 10_000,
      });
      // A client still open when the server stops gets a FATAL; log it instead of crashing the test process.
      client.on('error', (error) => console.warn(`postgres client of ${user}: ${error.message}`));
      client.on('end', () => open.delete(client));
      open.add(client);
      await client.connect();
      return client;
    },
    logTail: () => readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'),
    async restart(downMs) {
      await runAsServerUserAsync(pgCtl, ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
      const downAt = Date.now();
      await new Promise((r) => setTimeout(r, downMs));
      await runAsServerUserAsync(pgCtl, ['-D', data, '-l', logFile, '-w', '-t', '60', 'start']);
      return { downAt, upAt: Date.now() };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.allSettled([...open].map((client) => client.end()));
      try {
        runAsServerUser(pgCtl, ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

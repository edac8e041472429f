/**
 * Debian's PgBouncer, started for a test from a given pgbouncer.ini and userlist in a temp dir: daemonized as the
 * unprivileged `postgres` user when we are root (PgBouncer refuses root), logging to a file, stopped by its pid.
 * Binary: `LIGHTWAVE_PGBOUNCER`, else `pgbouncer` on PATH, else Debian's /usr/sbin/pgbouncer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

function findPgBouncer(): string | undefined {
  const candidates = [
    process.env.LIGHTWAVE_PGBOUNCER,
    ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'pgbouncer')),
    '/usr/sbin/pgbouncer',
  ];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c as string));
}

/** The installed PgBouncer's version (`x.y.z`), or undefined when none is installed. */
export function installedPgBouncerVersion(): string | undefined {
  const binary = findPgBouncer();
  if (!binary) return undefined;
  const out = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 }).stdout ?? '';
  return /PgBouncer (\d+\.\d+\.\d+)/.exec(out)?.[1];
}

/** Where a run's files live; the ini must point its auth_file, logfile and pidfile here. */
export interface PgBouncerFiles {
  readonly dir: string;
  readonly authFile: string;
  readonly logFile: string;
  readonly pidFile: string;
}

export function pgBouncerFiles(): PgBouncerFiles {
  const dir = mkdtempSync(join(tmpdir(), 'lightwave-pgbouncer-'));
  return {
    dir,
    authFile: join(dir, 'userlist.txt'),
    logFile: join(dir, 'pgbouncer.log'),
    pidFile: join(dir, 'pgbouncer.pid'),
  };
}

export interface LocalPgBouncer {
  logTail(): string;
  stop(): Promise<void>;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startLocalPgBouncer(
  files: PgBouncerFiles,
  ini: string,
  userlist: string,
  port: number,
): Promise<LocalPgBouncer> {
  const binary = findPgBouncer();
  if (!binary) throw new Error('pgbouncer not found (install Debian pgbouncer or set LIGHTWAVE_PGBOUNCER)');
  const iniFile = join(files.dir, 'pgbouncer.ini');
  writeFileSync(iniFile, ini);
  writeFileSync(files.authFile, userlist, { mode: 0o600 });
  writeFileSync(files.logFile, '');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const [uid, gid] = ['-u', '-g'].map((flag) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' })),
    );
    for (const path of [files.dir, iniFile, files.authFile, files.logFile]) chownSync(path, uid, gid);
  }
  const [command, args] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', binary, '-d', iniFile]]
    : [binary, ['-d', iniFile]];
  const started = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  const logTail = () =>
    existsSync(files.logFile) ? readFileSync(files.logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
  if (started.status !== 0) throw new Error(`pgbouncer did not start: ${started.stderr}\n${logTail()}`);
  for (let waited = 0; !(await portOpen(port)); waited += 100) {
    if (waited > 15_000) throw new Error(`pgbouncer is not listening on ${port} after 15 s:\n${logTail()}`);
    await sleep(100);
  }
  return {
    logTail,
    async stop() {
      const pid = existsSync(files.pidFile) ? Number(readFileSync(files.pidFile, 'utf8')) : undefined;
      if (pid && alive(pid)) {
        process.kill(pid, 'SIGTERM');
        for (let waited = 0; alive(pid) && waited < 15_000; waited += 100) await sleep(100);
        if (alive(pid)) process.kill(pid, 'SIGKILL');
      }
      rmSync(files.dir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's redis-server, started for a test from a given redis.conf and ACL file in a temp dir: daemonized as an
 * unprivileged user when we are root (nobody), logging to a file, bounded in time, stopped by its pid.
 * Binary: `LIGHTWAVE_REDIS_SERVER`, else `redis-server` on PATH, else /usr/bin/redis-server.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const NOBODY = 65534;

function findRedisServer(): string | undefined {
  const candidates = [
    process.env.LIGHTWAVE_REDIS_SERVER,
    ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'redis-server')),
    '/usr/bin/redis-server',
  ];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c as string));
}

/** The installed redis-server's version (`x.y.z`), or undefined when none is installed. */
export function installedRedisVersion(): string | undefined {
  const binary = findRedisServer();
  if (!binary) return undefined;
  const out = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 }).stdout ?? '';
  return /v=(\d+\.\d+\.\d+)/.exec(out)?.[1];
}

/** Where a run's files live; the config must point its aclfile, dir, logfile and pidfile here. */
export interface RedisFiles {
  readonly dir: string;
  readonly aclFile: string;
  readonly logFile: string;
  readonly pidFile: string;
}

export function redisFiles(): RedisFiles {
  const dir = mkdtempSync(join(tmpdir(), 'lightwave-redis-'));
  return {
    dir,
    aclFile: join(dir, 'users.acl'),
    logFile: join(dir, 'redis.log'),
    pidFile: join(dir, 'redis.pid'),
  };
}

export interface LocalRedis {
  readonly files: RedisFiles;
  logTail(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 15 s); the files stay until `remove()`. */
  stop(): Promise<void>;
  remove(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startLocalRedis(
  files: RedisFiles,
  conf: string,
  acl: string,
  port: number,
): Promise<LocalRedis> {
  const binary = findRedisServer();
  if (!binary)
    throw new Error('redis-server not found (install Debian redis-server or set LIGHTWAVE_REDIS_SERVER)');
  const confFile = join(files.dir, 'redis.conf');
  writeFileSync(confFile, conf);
  writeFileSync(files.aclFile, acl, { mode: 0o600 });
  writeFileSync(files.logFile, '');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    for (const path of [files.dir, confFile, files.aclFile, files.logFile]) chownSync(path, NOBODY, NOBODY);
    chmodSync(files.dir, 0o755);
  }
  const [command, args] = asRoot
    ? ['runuser', ['-u', 'nobody', '--', binary, confFile]]
    : [binary, [confFile]];
  const started = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  const logTail = () =>
    existsSync(files.logFile) ? readFileSync(files.logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
  if (started.status !== 0) throw new Error(`redis-server did not start: ${started.stderr}\n${logTail()}`);
  for (let waited = 0; !(await portOpen(port)); waited += 100) {
    if (waited > 15_000)
      throw new Error(`redis-server is not listening on ${port} after 15 s:\n${logTail()}`);
    await sleep(100);
  }
  return {
    files,
    logTail,
    async stop() {
      const pid = existsSync(files.pidFile) ? Number(readFileSync(files.pidFile, 'utf8')) : undefined;
      if (!pid || !alive(pid)) return;
      process.kill(pid, 'SIGTERM');
      for (let waited = 0; alive(pid) && waited < 15_000; waited += 100) await sleep(100);
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    },
    remove: () => rmSync(files.dir, { recursive: true, force: true }),
  };
}

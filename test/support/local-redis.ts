/**
 * The cache server (Redis or Valkey, at the version the config ships — test/support/server-binary.ts obtains it, or
 * falls back loudly), started for a test from a given redis.conf and ACL file in a temp dir: daemonized as an
 * unprivileged user when we are root (nobody), logging to a file, bounded in time, stopped by its pid.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnvironmentConfig } from '../../environments/config';
import { obtainServer, type ServerBinary } from './server-binary';
import { shippedServers } from './server-sources';

const NOBODY = 65534;

/** The cache server to run for `env`'s config; undefined when none is installed (its tests skip, the harness said so). */
export function redisServerFor(env: EnvironmentConfig): ServerBinary | undefined {
  const server = shippedServers(env).find((s) => s.role === 'redis');
  const binary = server && obtainServer(server);
  if (!binary)
    console.warn('\n!!!!! SKIPPING the Redis tests: no Redis or Valkey server is installed !!!!!\n');
  return binary;
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
  server: ServerBinary,
  files: RedisFiles,
  conf: string,
  acl: string,
  port: number,
): Promise<LocalRedis> {
  const binary = server.path;
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

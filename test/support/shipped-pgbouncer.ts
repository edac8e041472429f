/**
 * The PgBouncer a synthesized pgbouncer.ini is rendered for, booted from that very file, for tests and benchmarks.
 *
 * Which binary — resolvePgBouncer(version): the version the config names, obtained as test/support/server-binary.ts
 * says (installed at exactly that version; built from a local source cache such as ../shared/vendor; built from the
 * official release tarball after its sha256 check). test/global-setup.ts obtains every server the registered
 * environments name before the jest workers start, so parallel suites never race on a build. Where none works: a
 * LOUD fallback to the installed PgBouncer (`shipped: false`): the caller renders the ini for that version instead
 * (environmentFor), and tests of behaviour the older version lacks skip themselves. CI=true refuses the fallback.
 *
 * What bootPgBouncer rewrites in the ini, and nothing else (`rewrites` lists what it did):
 *   [databases] host= and port= of every entry     → the local server given (RDS's address in the pod)
 *   [pgbouncer] listen_addr                        → 127.0.0.1 (0.0.0.0 in the pod)
 *   [pgbouncer] listen_port                        → a free port, or the one given (a second process on one port)
 *   [pgbouncer] auth_file                          → the run's temp dir, holding the userlist given (the Secret's mount)
 *   [pgbouncer] server_tls_ca_file                 → the run's temp dir, holding the PEM given (only when set)
 *   [pgbouncer] unix_socket_dir                    → the run's temp dir (only when set non-empty; the chart sets none)
 *   [pgbouncer] so_reuseport = 1                   added only with `reusePort: true`: two processes on one port stand
 *                                                  in for two pods behind a Service (the rollout test)
 * No logfile or pidfile is added: PgBouncer runs in the foreground as in the pod, as the unprivileged `postgres` user
 * when we are root (it refuses root), its stderr going to a log file (timestamps in UTC); signals go to its own pid.
 *
 * API
 *   resolvePgBouncer(version): PgBouncerBinary              { path, version, shipped, obtained }
 *   environmentFor(env, binary): EnvironmentConfig          env, rendered for the fallback's version when needed
 *   bootPgBouncer(options): Promise<RunningPgBouncer>       options: binary, ini, userlist, server { host, port },
 *                                                           port?, reusePort?, caBundle?
 *   RunningPgBouncer
 *     port, pid, ini (as booted), rewrites
 *     signal(name)                     what Kubernetes or an operator would send (SIGTERM after preStop, SIGINT, …)
 *     exited(timeoutMs)                resolves { code, signal } once it exits, or undefined if still running
 *     log(), logTail(lines = 40)       its stderr so far
 *     stop()                           SIGQUIT (immediate shutdown) if running, SIGKILL after 10 s; removes the dir
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnvironmentConfig } from '../../environments/config';
import { freePort } from './free-port';
import { obtainServer } from './server-binary';
import { setIniValue } from './ini-file';
import { withChange } from './synth';

export interface PgBouncerBinary {
  readonly path: string;
  readonly version: string;
  /** True when this is the version the config names; false for the fallback. */
  readonly shipped: boolean;
  /** How it was obtained (installed, built from a cache or the release tarball, or the fallback). */
  readonly obtained: string;
}

const START_TIMEOUT_MS = 15_000;

/** The PgBouncer to run for a config rendered for `version`: the shipped version, else the loud fallback. */
export function resolvePgBouncer(version: string): PgBouncerBinary {
  const field = 'cluster.pgbouncer.version';
  const binary = obtainServer({ role: 'pgbouncer', product: 'pgbouncer', version, field });
  if (!binary) throw new Error(`no PgBouncer to run: install PgBouncer ${version} (docs/testing-servers.md)`);
  return binary;
}

/** `env` as the given PgBouncer can run it: unchanged for the shipped build, re-rendered for the fallback. */
export function environmentFor(env: EnvironmentConfig, binary: PgBouncerBinary): EnvironmentConfig {
  if (binary.version === env.cluster.pgbouncer.version) return env;
  return withChange(env, (e) => {
    e.cluster.pgbouncer.version = binary.version;
    e.cluster.pgbouncer.image.tag = binary.version;
  });
}

export interface BootOptions {
  readonly binary: PgBouncerBinary;
  /** The synthesized pgbouncer.ini (its [databases] hosts may still be Terraform references). */
  readonly ini: string;
  /** The userlist, passwords resolved. */
  readonly userlist: string;
  /** The PostgreSQL server every [databases] entry is pointed at. */
  readonly server: { readonly host: string; readonly port: number };
  /** Listen on this port (another process may already, with reusePort). @default - a free port */
  readonly port?: number;
  /** Add so_reuseport = 1. @default false */
  readonly reusePort?: boolean;
  /** PEM written where server_tls_ca_file points, when the ini sets it. @default - none */
  readonly caBundle?: string;
}

export interface RunningPgBouncer {
  readonly port: number;
  readonly pid: number;
  /** The ini as booted. */
  readonly ini: string;
  /** `[section] key: old → new` for every rewrite. */
  readonly rewrites: readonly string[];
  signal(name: NodeJS.Signals): void;
  exited(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined>;
  log(): string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

interface RunFiles {
  readonly dir: string;
  readonly ini: string;
  readonly authFile: string;
  readonly caFile: string;
  readonly log: string;
}

/** Rewrites the addresses and paths listed in the header; returns the ini and what changed. */
function rewriteIni(
  options: BootOptions,
  files: RunFiles,
  port: number,
): { ini: string; rewrites: string[] } {
  const rewrites: string[] = [];
  let section = '';
  const lines = options.ini.split('\n').map((line) => {
    const header = /^\s*\[(.+)\]\s*$/.exec(line);
    if (header) section = header[1];
    const [key, value] = [line.split('=')[0].trim(), line.slice(line.indexOf('=') + 1).trim()];
    if (!line.includes('=') || /^\s*[;#]/.test(line)) return line;
    const set = (next: string) => {
      rewrites.push(`[${section}] ${key}: ${value} → ${next}`);
      return `${key} = ${next}`;
    };
    if (section === 'databases') {
      const { host, port: serverPort } = options.server;
      return set(value.replace(/\bhost=\S+/, `host=${host}`).replace(/\bport=\S+/, `port=${serverPort}`));
    }
    if (section !== 'pgbouncer') return line;
    if (key === 'listen_addr') return set('127.0.0.1');
    if (key === 'listen_port') return set(String(port));
    if (key === 'auth_file') return set(files.authFile);
    if (key === 'server_tls_ca_file') return set(files.caFile);
    if (key === 'unix_socket_dir' && value !== '') return set(files.dir);
    return line;
  });
  let ini = lines.join('\n');
  if (options.reusePort) {
    ini = setIniValue(ini, 'pgbouncer', 'so_reuseport', 1);
    rewrites.push('[pgbouncer] so_reuseport: (unset) → 1');
  }
  if (ini.includes('${')) throw new Error(`unresolved reference left in pgbouncer.ini:\n${ini}`);
  return { ini, rewrites };
}

/** uid/gid of the unprivileged user PgBouncer runs as when we are root; undefined otherwise. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = ['-u', '-g'].map((flag) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' })),
  );
  return { uid, gid };
}

function runFiles(): RunFiles {
  const dir = mkdtempSync(join(tmpdir(), 'lightwave-pgbouncer-'));
  return {
    dir,
    ini: join(dir, 'pgbouncer.ini'),
    authFile: join(dir, 'userlist.txt'),
    caFile: join(dir, 'server-ca.pem'),
    log: join(dir, 'pgbouncer.log'),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `promise`'s value, or undefined after `ms` (the timer is cleared either way, so it keeps no process alive). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** Starts PgBouncer from the synthesized ini, rewritten as the header says; resolves once it listens. */
export async function bootPgBouncer(options: BootOptions): Promise<RunningPgBouncer> {
  const files = runFiles();
  const port = options.port ?? (await freePort());
  const { ini, rewrites } = rewriteIni(options, files, port);
  writeFileSync(files.ini, ini);
  writeFileSync(files.authFile, options.userlist, { mode: 0o600 });
  if (options.caBundle) writeFileSync(files.caFile, options.caBundle);
  writeFileSync(files.log, '');
  const user = serverUser();
  if (user)
    for (const path of Object.values(files)) if (existsSync(path)) chownSync(path, user.uid, user.gid);

  const logFd = openSync(files.log, 'a');
  const child = spawn(options.binary.path, [files.ini], {
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, TZ: 'UTC' }, // log timestamps comparable with Date.now()
    ...(user ?? {}),
  });
  closeSync(logFd);
  running.add(child);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitedPromise = new Promise<NonNullable<typeof exit>>((done) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      exit = { code, signal };
      done(exit);
    }),
  );
  const log = () => (existsSync(files.log) ? readFileSync(files.log, 'utf8') : '');
  const logTail = (lines = 40) => log().split('\n').slice(-lines).join('\n');

  for (let waited = 0; !log().includes(`listening on 127.0.0.1:${port}`); waited += 50) {
    if (exit || waited > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`PgBouncer ${options.binary.version} did not start on ${port}:\n${logTail()}`);
    }
    await sleep(50);
  }

  return {
    port,
    pid: child.pid as number,
    ini,
    rewrites,
    signal: (name) => child.kill(name),
    exited: (timeoutMs) => within(exitedPromise, timeoutMs),
    log,
    logTail,
    async stop() {
      if (!exit) {
        child.kill('SIGQUIT');
        if (!(await within(exitedPromise, 10_000))) child.kill('SIGKILL');
        await exitedPromise;
      }
      rmSync(files.dir, { recursive: true, force: true });
    },
  };
}

/**
 * The PgBouncer a synthesized pgbouncer.ini is rendered for, booted from that very file, for tests and benchmarks.
 *
 * Which binary — resolvePgBouncer(version):
 *   - the version the config names, built from `<repository>/../shared/vendor` by `build-pgbouncer.sh <version>`
 *     (about 15 s once, then cached under /tmp). test/global-setup.ts resolves every version the registered
 *     environments name before the jest workers start, so parallel suites never race on a build;
 *   - where ../shared is absent: the installed PgBouncer (Debian's 1.18), with a LOUD warning. The caller renders the
 *     ini for that version instead (environmentFor), and tests of behaviour the older version lacks skip themselves;
 *   - under CI=true the fallback is refused: CI tests the version it ships.
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
 *   resolvePgBouncer(version): PgBouncerBinary              { path, version, shipped }
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
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
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
import { delimiter, dirname, join, resolve } from 'node:path';
import type { EnvironmentConfig } from '../../environments/config';
import { freePort } from './free-port';
import { setIniValue } from './ini-file';
import { withChange } from './synth';

export interface PgBouncerBinary {
  readonly path: string;
  readonly version: string;
  /** True when this is the version the config names (built from ../shared); false for the fallback. */
  readonly shipped: boolean;
}

const BUILD_TIMEOUT_MS = 5 * 60_000;
const START_TIMEOUT_MS = 15_000;

/** The repository root: the nearest directory above this file holding cdktf.json (works from dist/ too). */
function repositoryRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'cdktf.json'))) return dir;
  }
  throw new Error(`no cdktf.json above ${__dirname}`);
}

function versionOf(binary: string): string | undefined {
  const out = spawnSync(binary, ['-V'], { encoding: 'utf8', timeout: 10_000 }).stdout ?? '';
  return /PgBouncer (\d+\.\d+\.\d+)/.exec(out)?.[1];
}

function installedPgBouncer(): string | undefined {
  const candidates = [
    process.env.LIGHTWAVE_PGBOUNCER,
    ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'pgbouncer')),
    '/usr/sbin/pgbouncer',
  ];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c as string));
}

function fallback(wanted: string, why: string): PgBouncerBinary {
  if (process.env.CI === 'true') {
    throw new Error(`CI=true requires the shipped PgBouncer ${wanted}, but ${why}`);
  }
  const path = installedPgBouncer();
  const version = path && versionOf(path);
  if (!path || !version) throw new Error(`${why}, and no PgBouncer is installed (Debian package pgbouncer)`);
  console.warn(
    [
      '',
      '!'.repeat(100),
      `!!!!! NOT TESTING THE SHIPPED PgBouncer ${wanted}: ${why}.`,
      `!!!!! Falling back to the installed PgBouncer ${version} (${path}), with pgbouncer.ini rendered for it.`,
      '!!!!! Results say nothing about the version the chart deploys; CI (CI=true) refuses this fallback.',
      '!'.repeat(100),
      '',
    ].join('\n'),
  );
  return { path, version, shipped: false };
}

const resolved = new Map<string, PgBouncerBinary>();

/** The PgBouncer to run for a config rendered for `version`: the shipped build, else the installed fallback. */
export function resolvePgBouncer(version: string): PgBouncerBinary {
  const known = resolved.get(version);
  if (known) return known;
  const script = resolve(repositoryRoot(), '..', 'shared', 'vendor', 'build-pgbouncer.sh');
  let binary: PgBouncerBinary;
  if (!existsSync(script)) {
    binary = fallback(version, `${script} is absent`);
  } else {
    const out = execFileSync('bash', [script, version], { encoding: 'utf8', timeout: BUILD_TIMEOUT_MS });
    const path = out.trim().split('\n').pop() ?? '';
    const built = versionOf(path);
    if (built !== version)
      throw new Error(`build-pgbouncer.sh ${version} gave ${path}, which reports ${built}`);
    binary = { path, version, shipped: true };
  }
  resolved.set(version, binary);
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

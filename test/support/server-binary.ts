/**
 * One way to obtain each server the tests run (PgBouncer, Redis/Valkey) at the version the platform ships
 * (server-sources.ts), tried in this order:
 *   1. installed: a binary reporting exactly that version — the configured path (LIGHTWAVE_PGBOUNCER,
 *      LIGHTWAVE_REDIS_SERVER), then PATH, then the distribution's location; a build made earlier by 2. or 3.
 *      (`${TMPDIR:-/tmp}/lightwave-<product>-<version>/bin`) counts too;
 *   2. a source build from a local cache: LIGHTWAVE_VENDOR_DIR, default `<repository>/../shared/vendor`, holding one
 *      of the tarballs the table accepts for that version (checked against its sha256 before it is built);
 *   3. the official release tarball, downloaded and checked against the pinned sha256 before it is built
 *      (LIGHTWAVE_SERVER_DOWNLOADS=never turns this off).
 * 2. and 3. run scripts/build-server.sh, as the workflows do. When none works: under CI=true an error naming the
 * three ways, unless LIGHTWAVE_ALLOW_FALLBACK (comma-separated roles: `redis`, `pgbouncer`) allows that role; else —
 * and where allowed — a LOUD fallback to an installed binary of another version (`shipped: false`), or, with none
 * installed, undefined after a warning that says what to install (the Redis suites skip; PgBouncer's cannot).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import type { EnvironmentConfig } from '../../environments/config';
import {
  distinctShippedServers,
  PRODUCTS,
  releaseTarball,
  sourcesOf,
  type ProductName,
  type ShippedServer,
} from './server-sources';

export interface ServerBinary {
  readonly product: ProductName;
  readonly path: string;
  readonly version: string;
  /** True when this is the version the config names; false for the fallback. */
  readonly shipped: boolean;
  /** How it was obtained, for logs and reports. */
  readonly obtained: string;
}

const BUILD_TIMEOUT_MS = 15 * 60_000;

/** The variable naming an installed binary's path, per product. */
export const CONFIGURED_PATH_VARIABLE: Readonly<Record<ProductName, string>> = {
  pgbouncer: 'LIGHTWAVE_PGBOUNCER',
  redis: 'LIGHTWAVE_REDIS_SERVER',
  valkey: 'LIGHTWAVE_REDIS_SERVER',
};

/** Products that may stand in for another in a fallback (Valkey is a fork of Redis 7.2 and reads its config). */
const SUBSTITUTES: Readonly<Record<ProductName, readonly ProductName[]>> = {
  pgbouncer: ['pgbouncer'],
  redis: ['redis', 'valkey'],
  valkey: ['valkey', 'redis'],
};

/** The repository root: the nearest directory above this file holding cdktf.json (works from dist/ too). */
export function repositoryRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'cdktf.json'))) return dir;
  }
  throw new Error(`no cdktf.json above ${__dirname}`);
}

/** The local source cache: LIGHTWAVE_VENDOR_DIR, else ../shared/vendor beside the repository. */
export function vendorDir(): string {
  return process.env.LIGHTWAVE_VENDOR_DIR || resolve(repositoryRoot(), '..', 'shared', 'vendor');
}

/** Where scripts/build-server.sh puts a build by default, computed as it does (`${TMPDIR:-/tmp}`). */
export function buildPrefix(product: ProductName, version: string): string {
  return join(process.env.TMPDIR || '/tmp', `lightwave-${product}-${version}`);
}

export function versionOf(product: ProductName, binary: string): string | undefined {
  const { versionArgs, versionPattern } = PRODUCTS[product];
  const out =
    spawnSync(binary, versionArgs, { encoding: 'utf8', timeout: 10_000, env: process.env }).stdout ?? '';
  return versionPattern.exec(out)?.[1];
}

export interface Installed {
  readonly product: ProductName;
  readonly path: string;
  readonly version: string | undefined;
}

/** Installed binaries of `product`: configured path, PATH, distribution location (existing ones, each once). */
function installed(product: ProductName): Installed[] {
  const { binary, distroPaths } = PRODUCTS[product];
  const paths = [
    process.env[CONFIGURED_PATH_VARIABLE[product]],
    ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, binary)),
    ...distroPaths,
  ].filter((p): p is string => Boolean(p) && existsSync(p as string));
  const files = new Set<string>(); // one entry per file: /sbin is often a link to /usr/sbin
  return paths
    .filter((path) => !files.has(realpathSync(path)) && files.add(realpathSync(path)))
    .map((path) => ({ product, path, version: versionOf(product, path) }));
}

/** scripts/build-server.sh for one tarball; the binary's path, or the reason it failed (its last stderr lines). */
function build(server: ShippedServer, source: string, sha256: string): { path: string } | { failed: string } {
  const script = join(repositoryRoot(), 'scripts', 'build-server.sh');
  const run = spawnSync('bash', [script, server.product, server.version, source, sha256], {
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
    env: process.env, // jest gives each test file its own copy; child processes would not see its changes
  });
  const path = run.stdout?.trim().split('\n').pop() ?? '';
  if (run.status === 0 && versionOf(server.product, path) === server.version) return { path };
  const why = (run.stderr || run.error?.message || `exit ${run.status}`).trim().split('\n').slice(-3);
  return { failed: why.join(' / ') };
}

export type Attempt = { binary: ServerBinary } | { missed: string };

export function fromInstalled(server: ShippedServer, found: readonly Installed[]): Attempt {
  const exact = found.find((f) => f.product === server.product && f.version === server.version);
  const { label } = PRODUCTS[server.product];
  if (exact) return { binary: shipped(server, exact.path, 'installed at that version') };
  const cached = join(buildPrefix(server.product, server.version), 'bin', PRODUCTS[server.product].binary);
  if (existsSync(cached) && versionOf(server.product, cached) === server.version)
    return { binary: shipped(server, cached, 'built earlier by scripts/build-server.sh') };
  const seen =
    found.map((f) => `${f.path} is ${f.version ?? 'of unknown version'}`).join(', ') || 'none found';
  return {
    missed: `1. installed: ${seen} — install ${label} ${server.version} on PATH or set ${CONFIGURED_PATH_VARIABLE[server.product]}=<its path>`,
  };
}

export function fromLocalCache(server: ShippedServer): Attempt {
  const dir = vendorDir();
  const accepted = sourcesOf(server.product, server.version).filter((s) => s.sha256);
  const present = accepted.find((s) => existsSync(join(dir, s.file)));
  const files = accepted.map((s) => s.file).join(' or ');
  if (!files)
    return {
      missed: '2. local source cache: no tarball of this version has a pinned sha256 (server-sources.ts)',
    };
  if (!present)
    return {
      missed: `2. local source cache: ${dir} holds no ${files} — set LIGHTWAVE_VENDOR_DIR to a directory that does`,
    };
  const result = build(server, join(dir, present.file), present.sha256 as string);
  if ('path' in result)
    return { binary: shipped(server, result.path, `built from ${join(dir, present.file)}`) };
  return { missed: `2. local source cache: building ${join(dir, present.file)} failed: ${result.failed}` };
}

export function fromDownload(server: ShippedServer): Attempt {
  const release = releaseTarball(server.product, server.version);
  const step = '3. official release tarball';
  if (!release?.url) return { missed: `${step}: none pinned in test/support/server-sources.ts` };
  if (!release.sha256)
    return { missed: `${step}: refused, no pinned sha256 for ${release.url} (${release.citation})` };
  if (process.env.LIGHTWAVE_SERVER_DOWNLOADS === 'never')
    return { missed: `${step}: ${release.url} not fetched (LIGHTWAVE_SERVER_DOWNLOADS=never)` };
  const result = build(server, release.url, release.sha256);
  if ('path' in result) return { binary: shipped(server, result.path, `built from ${release.url}`) };
  return {
    missed: `${step}: ${release.url} failed: ${result.failed} (needs ${PRODUCTS[server.product].buildNeeds.join(', ')})`,
  };
}

function shipped(server: ShippedServer, path: string, obtained: string): ServerBinary {
  return { product: server.product, path, version: server.version, shipped: true, obtained };
}

function allowedFallbacks(): string[] {
  return (process.env.LIGHTWAVE_ALLOW_FALLBACK ?? '').split(',').map((r) => r.trim());
}

function banner(lines: readonly string[]): string {
  return ['', '!'.repeat(100), ...lines.map((l) => `!!!!! ${l}`), '!'.repeat(100), ''].join('\n');
}

/** What happens when none of the three ways gave the shipped version: refuse, fall back loudly, or skip loudly. */
export function fallback(
  server: ShippedServer,
  missed: readonly string[],
  found: readonly Installed[],
): ServerBinary | undefined {
  const { label } = PRODUCTS[server.product];
  const head = `NOT TESTING THE SHIPPED ${label} ${server.version} (${server.field}); none of the three ways gave it:`;
  const why = [head, ...missed.map((m) => `  ${m}`), 'What each way needs: docs/testing-servers.md.'];
  const ci = process.env.CI === 'true';
  const allowed = allowedFallbacks().includes(server.role);
  if (ci && !allowed)
    throw new Error(
      [
        ...why,
        `CI=true refuses the fallback (LIGHTWAVE_ALLOW_FALLBACK allows it per role; it does not name ${server.role}).`,
      ].join('\n'),
    );
  const substitute = SUBSTITUTES[server.product]
    .flatMap((product) => found.filter((f) => f.product === product && f.version))
    .at(0);
  if (!substitute) {
    console.warn(
      banner([...why, `No ${label} is installed at all: install it one of the three ways above.`]),
    );
    if (ci) throw new Error(why.join('\n'));
    return undefined;
  }
  const note = ci
    ? `LIGHTWAVE_ALLOW_FALLBACK=${process.env.LIGHTWAVE_ALLOW_FALLBACK} allows this under CI=true.`
    : 'CI=true refuses this fallback.';
  console.warn(
    banner([
      ...why,
      `FALLING BACK to the installed ${PRODUCTS[substitute.product].label} ${substitute.version} (${substitute.path}).`,
      `Results say nothing about the version the platform deploys; ${note}`,
    ]),
  );
  return {
    product: substitute.product,
    path: substitute.path,
    version: substitute.version as string,
    shipped: false,
    obtained: `FALLBACK: installed ${substitute.path}`,
  };
}

/** The three ways in order, then the fallback; not memoized (tests of the policy call it with changed variables). */
export function findServer(server: ShippedServer): ServerBinary | undefined {
  const found = SUBSTITUTES[server.product].flatMap(installed);
  const missed: string[] = [];
  for (const attempt of [fromInstalled, fromLocalCache, fromDownload]) {
    const outcome = attempt(server, found);
    if ('binary' in outcome) return outcome.binary;
    missed.push(outcome.missed);
  }
  return fallback(server, missed, found);
}

const obtained = new Map<string, ServerBinary | undefined>();

/** findServer once per product and version in this process (each jest worker asks again; builds are cached). */
export function obtainServer(server: ShippedServer): ServerBinary | undefined {
  const key = `${server.product}@${server.version}`;
  if (!obtained.has(key)) obtained.set(key, findServer(server));
  return obtained.get(key);
}

/** Obtains every server the environments ship, once (jest's global setup, before the workers start), and says how. */
export function obtainShippedServers(envs: readonly EnvironmentConfig[]): void {
  for (const server of distinctShippedServers(envs)) {
    const binary = obtainServer(server);
    const how = binary ? `${binary.path} (${binary.version}; ${binary.obtained})` : 'none: its tests skip';
    console.log(`\n${PRODUCTS[server.product].label} ${server.version} (${server.field}): ${how}`);
  }
}

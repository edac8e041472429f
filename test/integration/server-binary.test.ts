/**
 * The harness's ways to a server at the shipped version (test/support/server-binary.ts), each on its own, and what
 * happens when none works: refused under CI=true (save the roles LIGHTWAVE_ALLOW_FALLBACK names), a loud fallback, or
 * a loud skip naming what to install. Their order, end to end, is tested where the project's CI really runs
 * (servers-elsewhere.test.ts), on this machine's real binaries.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fallback,
  fromDownload,
  fromInstalled,
  fromLocalCache,
  type Installed,
} from '../support/server-binary';
import { SOURCES, type ProductName, type ShippedServer } from '../support/server-sources';
import { dev } from '../../environments/dev';

const VARIABLES = [
  'CI',
  'TMPDIR',
  'LIGHTWAVE_VENDOR_DIR',
  'LIGHTWAVE_SERVER_DOWNLOADS',
  'LIGHTWAVE_ALLOW_FALLBACK',
];
const saved = Object.fromEntries(VARIABLES.map((v) => [v, process.env[v]]));
let dir: string;
let warnings: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lightwave-server-binary-'));
  for (const v of VARIABLES) delete process.env[v];
  process.env.TMPDIR = dir; // no build made earlier is found
  warnings = [];
  jest.spyOn(console, 'warn').mockImplementation((text: string) => void warnings.push(text));
});
afterEach(() => {
  jest.restoreAllMocks();
  for (const v of VARIABLES)
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  rmSync(dir, { recursive: true, force: true });
});

const pgbouncer: ShippedServer = {
  role: 'pgbouncer',
  product: 'pgbouncer',
  version: dev.cluster.pgbouncer.version,
  field: 'cluster.pgbouncer.version',
};
const cache: ShippedServer = {
  role: 'redis',
  product: 'redis',
  version: '0.0.1',
  field: 'cluster.redis.version',
};
const missed = [
  '1. installed: (what)',
  '2. local source cache: (what)',
  '3. official release tarball: (what)',
];
const some = (product: ProductName, version: string): Installed => ({
  product,
  path: `/x/${product}`,
  version,
});

describe('1. installed', () => {
  test('an installed binary reporting exactly the version is taken, whichever comes first', () => {
    const found = [some('pgbouncer', '1.18.0'), some('pgbouncer', pgbouncer.version)];
    expect(fromInstalled(pgbouncer, found)).toEqual({
      binary: expect.objectContaining({
        path: '/x/pgbouncer',
        shipped: true,
        obtained: 'installed at that version',
      }),
    });
  });

  test('another version is not taken; the miss names the variable that points at the right one', () => {
    expect(fromInstalled(pgbouncer, [some('pgbouncer', '1.18.0')])).toEqual({
      missed: expect.stringContaining(
        `/x/pgbouncer is 1.18.0 — install PgBouncer ${pgbouncer.version} on PATH or set LIGHTWAVE_PGBOUNCER=<its path>`,
      ),
    });
  });
});

describe('2. local source cache', () => {
  test('a tampered tarball in LIGHTWAVE_VENDOR_DIR is refused before it is built', () => {
    process.env.LIGHTWAVE_VENDOR_DIR = dir;
    const accepted = SOURCES.pgbouncer[pgbouncer.version].filter((s) => s.sha256);
    writeFileSync(join(dir, accepted[0].file), 'not the pinned tarball');
    const outcome = fromLocalCache(pgbouncer);
    expect(outcome).toEqual({ missed: expect.stringContaining(`refused ${join(dir, accepted[0].file)}`) });
    expect(outcome).toEqual({ missed: expect.stringContaining('nothing was extracted or built') });
    expect(existsSync(join(dir, `lightwave-pgbouncer-${pgbouncer.version}`))).toBe(false);
  });

  test('an empty cache says which tarballs it would take and which variable names it', () => {
    process.env.LIGHTWAVE_VENDOR_DIR = dir;
    const files = SOURCES.pgbouncer[pgbouncer.version].map((s) => s.file).join(' or ');
    expect(fromLocalCache(pgbouncer)).toEqual({
      missed: `2. local source cache: ${dir} holds no ${files} — set LIGHTWAVE_VENDOR_DIR to a directory that does`,
    });
  });
});

describe('3. official release tarball', () => {
  test('LIGHTWAVE_SERVER_DOWNLOADS=never fetches nothing and says so', () => {
    process.env.LIGHTWAVE_SERVER_DOWNLOADS = 'never';
    expect(fromDownload(pgbouncer)).toEqual({
      missed: expect.stringContaining('LIGHTWAVE_SERVER_DOWNLOADS=never'),
    });
  });

  test('a release without a pinned sha256 is refused, naming why there is none', () => {
    const unpinned = Object.entries(SOURCES).flatMap(([product, versions]) =>
      Object.entries(versions).flatMap(([version, sources]) =>
        sources
          .filter((s) => s.url && !s.sha256)
          .map((s) => ({ product: product as ProductName, version, s })),
      ),
    );
    for (const { product, version, s } of unpinned)
      expect(fromDownload({ ...cache, product, version })).toEqual({
        missed: `3. official release tarball: refused, no pinned sha256 for ${s.url} (${s.citation})`,
      });
  });

  test('a version without a row in the table has no tarball to fetch', () => {
    expect(fromDownload(cache)).toEqual({
      missed: '3. official release tarball: none pinned in test/support/server-sources.ts',
    });
  });
});

describe('none of the three ways worked', () => {
  test('CI=true refuses, the error naming the three ways', () => {
    process.env.CI = 'true';
    expect(() => fallback(pgbouncer, missed, [some('pgbouncer', '1.18.0')])).toThrow(
      [
        `NOT TESTING THE SHIPPED PgBouncer ${pgbouncer.version} (cluster.pgbouncer.version); none of the three ways gave it:`,
        ...missed.map((m) => `  ${m}`),
      ].join('\n'),
    );
  });

  test('LIGHTWAVE_ALLOW_FALLBACK=redis lets only the cache fall back under CI=true, loudly', () => {
    process.env.CI = 'true';
    process.env.LIGHTWAVE_ALLOW_FALLBACK = 'redis';
    expect(() => fallback(pgbouncer, missed, [some('pgbouncer', '1.18.0')])).toThrow(
      /CI=true refuses the fallback/,
    );
    expect(fallback(cache, missed, [some('redis', '7.0.15')])).toEqual(
      expect.objectContaining({ path: '/x/redis', version: '7.0.15', shipped: false }),
    );
    expect(warnings.join('\n')).toMatch(
      /FALLING BACK to the installed Redis 7\.0\.15[^]*LIGHTWAVE_ALLOW_FALLBACK=redis allows this under CI=true/,
    );
  });

  test('a laptop falls back loudly to another installed version', () => {
    expect(fallback(pgbouncer, missed, [some('pgbouncer', '1.18.0')])).toEqual(
      expect.objectContaining({ version: '1.18.0', shipped: false }),
    );
    expect(warnings.join('\n')).toContain(`!!!!! NOT TESTING THE SHIPPED PgBouncer ${pgbouncer.version}`);
  });

  test('a laptop with none installed gets nothing to run, and a warning naming what to install', () => {
    expect(fallback(pgbouncer, missed, [])).toBeUndefined();
    const warning = warnings.join('\n');
    for (const line of missed) expect(warning).toContain(line);
    expect(warning).toContain('No PgBouncer is installed at all: install it one of the three ways above.');
  });
});

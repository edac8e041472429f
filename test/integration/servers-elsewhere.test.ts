/**
 * The test harness where the project's CI really runs, simulated: a copy of this working tree in a temp dir with no
 * `../shared` beside it, and jest run inside it on the PgBouncer integration suite's version test, its global setup
 * obtaining every server the registered environments ship (test/support/server-binary.ts):
 *   - as a GitHub runner: CI=true, and each server this machine obtained at the shipped version "installed" — copied
 *     into a directory put first on PATH, as the workflow's build step does (here the binary was built from
 *     ../shared/vendor; on GitHub from the checksummed release tarball) — it passes on the installed binary;
 *   - as a laptop with none of the three ways (no matching binary, no source cache, downloads off): it falls back to
 *     or skips without the shipped version, loudly, naming what to install; and with CI=true it is refused.
 * Downloads are off in every run (LIGHTWAVE_SERVER_DOWNLOADS=never): a pass must come from the installed binary.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { environments } from '../../environments';
import { obtainServer, repositoryRoot, versionOf } from '../support/server-binary';
import { distinctShippedServers, PRODUCTS } from '../support/server-sources';

jest.setTimeout(10 * 60_000);

const root = repositoryRoot();
const work = mkdtempSync(join(tmpdir(), 'lightwave-elsewhere-'));
const clone = join(work, 'repository'); // nothing named `shared` beside it
const installedDir = join(work, 'installed-bin');
const servers = distinctShippedServers(environments);
const pgbouncer = servers.find((s) => s.product === 'pgbouncer');
const VERSION = pgbouncer?.version as string;

/** Readable by the unprivileged user the servers run as, like any runner's or laptop's temp dir. */
function freshDir(path: string): string {
  mkdirSync(path, { recursive: true });
  chmodSync(path, 0o755);
  return path;
}

beforeAll(() => {
  chmodSync(work, 0o755);
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const file of listed.stdout.split('\0').filter((f) => f && existsSync(join(root, f)))) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(root, file), join(clone, file));
  }
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
  freshDir(installedDir);
  for (const server of servers) {
    const binary = obtainServer(server);
    if (binary?.shipped) copyFileSync(binary.path, join(installedDir, PRODUCTS[server.product].binary));
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** jest in the copy, on the PgBouncer suite's version test; its exit status and everything it printed. */
function jestInCopy(name: string, env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const base = { ...process.env };
  for (const key of Object.keys(base))
    if (key.startsWith('LIGHTWAVE_') || key.startsWith('JEST_') || key === 'CI') delete base[key];
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--ci',
      'test/integration/pgbouncer.test.ts',
      '--testNamePattern',
      'runs the version the config names',
    ],
    {
      cwd: clone,
      encoding: 'utf8',
      timeout: 8 * 60_000,
      env: {
        ...base,
        TMPDIR: freshDir(join(work, `tmp-${name}`)), // no build made earlier is found
        LIGHTWAVE_SERVER_DOWNLOADS: 'never',
        // What this machine's CI allows (.ci/run: the cache only), so the copy obtains what this run did.
        LIGHTWAVE_ALLOW_FALLBACK: process.env.LIGHTWAVE_ALLOW_FALLBACK ?? '',
        ...env,
      },
    },
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** PATH without the directories holding the shipped PgBouncer (a GitHub runner's build step put one there). */
function pathWithoutShipped(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => versionOf('pgbouncer', join(dir, 'pgbouncer')) !== VERSION)
    .join(delimiter);
}

const distroShipsIt = PRODUCTS.pgbouncer.distroPaths.some((p) => versionOf('pgbouncer', p) === VERSION);
if (distroShipsIt)
  console.warn(
    `\n!!!!! SKIPPING the laptop simulation: the distribution's PgBouncer here is ${VERSION} itself !!!!!\n`,
  );
const laptop = distroShipsIt ? test.skip : test;

test('SIMULATED GitHub runner (CI=true, no ../shared, the shipped PgBouncer installed on PATH) passes on that binary', () => {
  const { status, output } = jestInCopy('github', {
    CI: 'true',
    PATH: `${installedDir}${delimiter}${process.env.PATH}`,
  });
  expect({ status, output }).toEqual({ status: 0, output: expect.stringMatching(/Tests:.* 1 passed/) });
  expect(output).toContain(
    `PgBouncer ${VERSION} (cluster.pgbouncer.version): ${join(installedDir, 'pgbouncer')} (${VERSION}; installed at that version)`,
  );
  expect(output).not.toContain('NOT TESTING THE SHIPPED PgBouncer');
});

laptop(
  'a laptop without any of the three ways runs without the shipped version, loudly naming what to install',
  () => {
    const { status, output } = jestInCopy('laptop', { PATH: pathWithoutShipped() });
    expect(status).toBe(0);
    expect(output).toContain(
      `!!!!! NOT TESTING THE SHIPPED PgBouncer ${VERSION} (cluster.pgbouncer.version)`,
    );
    expect(output).toContain(`install PgBouncer ${VERSION} on PATH or set LIGHTWAVE_PGBOUNCER=<its path>`);
    expect(output).toMatch(/2\. local source cache: .* set LIGHTWAVE_VENDOR_DIR to a directory that does/);
    expect(output).toContain('LIGHTWAVE_SERVER_DOWNLOADS=never');
    expect(output).toMatch(/FALLING BACK to the installed PgBouncer|No PgBouncer is installed at all/);
  },
);

laptop('SIMULATED: that laptop under CI=true is refused, the error naming the three ways', () => {
  const { status, output } = jestInCopy('laptop-ci', { CI: 'true', PATH: pathWithoutShipped() });
  expect(status).not.toBe(0);
  expect(output).toContain(
    `NOT TESTING THE SHIPPED PgBouncer ${VERSION} (cluster.pgbouncer.version); none of the three ways gave it:`,
  );
  expect(output).toContain('CI=true refuses the fallback');
});

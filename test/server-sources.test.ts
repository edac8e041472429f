/**
 * The pinned servers table (test/support/server-sources.ts) against what follows it: every server the registered
 * environments ship has a checksummed source; every workflow job that runs the tests builds exactly those versions
 * from those URLs with those checksums, before the tests, onto PATH (or visibly allows the fallback of a server whose
 * checksum is not pinned yet); CI here allows no fallback but the cache's; the docs name each version and checksum.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { environments } from '../environments';
import {
  distinctShippedServers,
  releaseTarball,
  SOURCES,
  sourcesOf,
  type ShippedServer,
} from './support/server-sources';

const root = join(__dirname, '..');
const text = (file: string) => readFileSync(join(root, file), 'utf8');
const shipped = distinctShippedServers(environments);
const pinned = (s: ShippedServer) => releaseTarball(s.product, s.version)?.sha256 !== undefined;

interface Step {
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  env?: Record<string, string>;
  steps?: Step[];
}
const workflowFiles = readdirSync(join(root, '.github/workflows'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `.github/workflows/${f}`);
const jobs = [
  ...workflowFiles.flatMap((file) =>
    Object.entries((parse(text(file)) as { jobs: Record<string, Job> }).jobs).map(([name, job]) => ({
      name: `${file} ${name}`,
      job,
    })),
  ),
  {
    name: '.github/actions/prepare-environment',
    job: {
      steps: (parse(text('.github/actions/prepare-environment/action.yml')) as { runs: Job }).runs.steps,
    },
  },
];
const runsTests = (step: Step) => /\bnpm (run --silent )?test\b|\bjest\b/.test(step.run ?? '');
const testJobs = jobs.filter(({ job }) => (job.steps ?? []).some(runsTests));

/** `scripts/build-server.sh PRODUCT VERSION URL SHA256 PREFIX` lines of the steps before the first test step. */
function builds(
  job: Job,
): { product: string; version: string; url: string; sha256: string; prefix: string }[] {
  const steps = job.steps ?? [];
  return steps
    .slice(0, steps.findIndex(runsTests))
    .flatMap((s) => (s.run ?? '').split('\n'))
    .map((line) => /scripts\/build-server\.sh (\S+) (\S+) (\S+) (\S+) (\S+)/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, product, version, url, sha256, prefix]) => ({ product, version, url, sha256, prefix }));
}

describe('the table', () => {
  test.each(shipped.map((s) => [`${s.product} ${s.version}`, s]))(
    '%s, which an environment ships, has an official https release tarball named as a local cache holds it',
    (_name, server) => {
      const release = releaseTarball(server.product, server.version);
      expect(release?.url).toMatch(/^https:\/\//);
      expect(release?.file).toBe(`${server.product}-${server.version}.tar.gz`);
    },
  );

  test('every checksum is 64 lowercase hex digits and says where it was read', () => {
    for (const sources of Object.values(SOURCES).flatMap((versions) => Object.values(versions)))
      for (const source of sources) {
        if (source.sha256 !== undefined) expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(source.citation.length).toBeGreaterThan(10);
      }
  });
});

describe('the workflows', () => {
  test('some job runs the tests', () => expect(testJobs.length).toBeGreaterThan(0));

  test.each(testJobs.map(({ name, job }) => [name, job]))(
    '%s builds, before its tests, every pinned server the environments ship from the pinned URL and sha256',
    (_name, job) => {
      const expected = shipped.filter(pinned).map((s) => {
        const release = releaseTarball(s.product, s.version);
        return { product: s.product, version: s.version, url: release?.url, sha256: release?.sha256 };
      });
      const found = builds(job).map(({ product, version, url, sha256 }) => ({
        product,
        version,
        url,
        sha256,
      }));
      expect(found).toEqual(expected);
    },
  );

  test.each(testJobs.map(({ name, job }) => [name, job]))(
    '%s puts the builds first on PATH, so the harness takes them as installed',
    (_name, job) => {
      const prefixes = new Set(builds(job).map((b) => b.prefix));
      const runs = (job.steps ?? []).map((s) => s.run ?? '').join('\n');
      for (const prefix of prefixes)
        expect(runs).toContain(`echo "${prefix.replace(/"/g, '')}/bin" >> "$GITHUB_PATH"`);
    },
  );

  test.each(testJobs.map(({ name, job }) => [name, job]))(
    '%s allows a fallback only for servers whose checksum is not pinned yet, by name',
    (_name, job) => {
      const testStep = (job.steps ?? []).find(runsTests);
      const allowed = (testStep?.env?.LIGHTWAVE_ALLOW_FALLBACK ?? job.env?.LIGHTWAVE_ALLOW_FALLBACK ?? '')
        .split(',')
        .filter(Boolean)
        .sort();
      expect(allowed).toEqual([...new Set(shipped.filter((s) => !pinned(s)).map((s) => s.role))].sort());
    },
  );
});

test('CI here (.ci/run) allows the fallback of the cache server only: PgBouncer is always the shipped version', () => {
  expect(
    /^export LIGHTWAVE_ALLOW_FALLBACK="\$\{LIGHTWAVE_ALLOW_FALLBACK-(.*)\}"$/m.exec(text('.ci/run'))?.[1],
  ).toBe('redis');
});

test('docs/testing-servers.md names every version the environments ship with the checksums the table pins', () => {
  const docs = text('docs/testing-servers.md');
  for (const server of shipped) {
    expect(docs).toContain(server.version);
    for (const source of sourcesOf(server.product, server.version))
      expect(docs).toContain(source.sha256 ?? `${source.file}: no pinned sha256`);
  }
});

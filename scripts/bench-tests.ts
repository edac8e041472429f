/**
 * `npm run bench:tests [-- <jest arguments>]`: wall-clock seconds of each jest suite and of the whole run, so a slow
 * suite is seen the day it lands. Without arguments it runs the inner loop (`npm run test:unit`: every suite but
 * test/integration/); with arguments, jest with those (e.g. `-- test/integration` or `-- test/cost.test.ts`).
 * Prints figures, asserts nothing; the machine (cores, load average) is printed too: the host is shared, figures are
 * noisy. Synthesized stacks come from the cache when the sources did not change (test/support/synth-cache.ts): the
 * first run after a change of them pays for synthesis, later ones do not; run twice to see both.
 * Target on a 2-core machine: the inner loop ≤ 15 s wall.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';

interface JestReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    status: string;
    startTime: number;
    endTime: number;
    assertionResults: unknown[];
  }[];
}

const root = join(__dirname, '..', '..');
const args = process.argv.slice(2);
const jestArgs = args.length > 0 ? args : ['--testPathIgnorePatterns', '/integration/'];

function run(): { wall: number; report: JestReport } {
  const dir = mkdtempSync(join(tmpdir(), 'lightwave-bench-tests-'));
  try {
    const output = join(dir, 'report.json');
    const started = process.hrtime.bigint();
    spawnSync('npx', ['jest', '--ci', '--json', '--outputFile', output, ...jestArgs], {
      cwd: root,
      stdio: 'ignore',
    });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    return { wall, report: JSON.parse(readFileSync(output, 'utf8')) as JestReport };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const before = load();
const { wall, report } = run();
const suites = report.testResults
  .map((r) => ({
    name: relative(root, r.name),
    seconds: (r.endTime - r.startTime) / 1000,
    // A suite with skipped tests reports 'focused' or 'pending', not 'passed': only 'failed' is a failure.
    failed: r.status === 'failed',
    tests: r.assertionResults.length,
  }))
  .sort((a, b) => b.seconds - a.seconds);
const sum = suites.reduce((total, s) => total + s.seconds, 0);

console.log(`jest --ci ${jestArgs.join(' ')}: seconds per suite, slowest first`);
for (const s of suites)
  console.log(
    `${s.seconds.toFixed(2).padStart(7)} s  ${String(s.tests).padStart(4)} tests  ${s.name}${s.failed ? '  FAILED' : ''}`,
  );
console.log(
  [
    `wall ${wall.toFixed(1)} s${args.length === 0 ? (wall <= 15 ? ' (ok: ≤ 15 s)' : ' (OVER TARGET: ≤ 15 s)') : ''}`,
    `sum of suites ${sum.toFixed(1)} s`,
    `${suites.length} suites`,
    `${report.numPassedTests}/${report.numTotalTests} tests passed${report.numFailedTests > 0 ? `, ${report.numFailedTests} FAILED` : ''}`,
    `${cpus().length} cores, load average ${before} before, ${load()} after`,
  ].join('; '),
);
if (suites.some((s) => s.failed)) process.exitCode = 1;

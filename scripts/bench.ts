/**
 * `npm run bench`: median wall-clock seconds of
 *   - the app alone (node dist/main.js) for the two registered environments,
 *   - the app for 10 generated environments,
 *   - `npx cdktf synth` (npx + CLI start-up + the app, compiled only when a source changed: scripts/build.js),
 *   - `cdktf synth` of every stack and of an app with one empty stack, through the same CLI (its own start is the
 *     floor: what the platform's synth costs beyond it is the difference),
 *   - a fixed CPU-bound loop, to tell a slow machine from slow code (shared VMs lose CPU to their neighbours).
 * Runs are interleaved (one of each per round), so a machine slowing down mid-bench hits every figure alike.
 * Targets on a 2-core machine: app ≤ 1 s for dev+prod; 10 environments ≤ 2 × the time of 2; cdktf synth of every
 * stack ≤ 1.5 s more than of the empty app.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The cdktf CLI itself (what `npx cdktf` starts), so that both synth figures pay the same start-up. */
const cdktfCli = join(root, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf');

/** A cdktf project whose app defines one empty stack: the floor of `cdktf synth`. */
function emptyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lightwave-bench-empty-'));
  const cdktf = JSON.stringify(join(root, 'node_modules', 'cdktf'));
  writeFileSync(
    join(dir, 'app.js'),
    `const { App, TerraformStack } = require(${cdktf});\nconst app = new App();\nnew TerraformStack(app, 'empty');\napp.synth();\n`,
  );
  writeFileSync(join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'node app.js' }));
  return dir;
}

interface Measured {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Run only every other round (the slow CLI). @default false */
  readonly everyOther?: boolean;
  /** @default the repository */
  readonly cwd?: string;
  readonly times: number[];
}

function once(m: Measured): void {
  const outdir = mkdtempSync(join(tmpdir(), 'lightwave-bench-'));
  const started = process.hrtime.bigint();
  const result = spawnSync(
    m.command,
    m.args.map((a) => a.replace('{outdir}', outdir)),
    {
      cwd: m.cwd ?? root,
      env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' },
      encoding: 'utf8',
    },
  );
  m.times.push(Number(process.hrtime.bigint() - started) / 1e9);
  rmSync(outdir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`${m.command} ${m.args.join(' ')} failed:\n${result.stderr}`);
}

const median = (times: readonly number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

const runs = Number(process.env.BENCH_RUNS ?? 5);
const two: Measured = {
  label: 'app, 2 environments (dev, prod)',
  command: process.execPath,
  args: ['dist/main.js'],
  times: [],
};
const ten: Measured = {
  label: 'app, 10 generated environments',
  command: process.execPath,
  args: ['dist/scripts/synth-generated.js', '10', '{outdir}'],
  times: [],
};
const cli: Measured = {
  label: 'npx cdktf synth (dev, prod)',
  command: 'npx',
  args: ['cdktf', 'synth', '--output', '{outdir}'],
  everyOther: true,
  times: [],
};
const empty = emptyProject();
const cliAll: Measured = {
  label: 'cdktf synth, every stack',
  command: process.execPath,
  args: [cdktfCli, 'synth', '--output', '{outdir}'],
  everyOther: true,
  times: [],
};
const cliEmpty: Measured = {
  label: 'cdktf synth, one empty stack',
  command: process.execPath,
  args: [cdktfCli, 'synth', '--output', '{outdir}'],
  cwd: empty,
  everyOther: true,
  times: [],
};
const loop: Measured = {
  label: 'calibration: 1e8-step JS loop',
  command: process.execPath,
  args: ['-e', 'let s = 0; for (let i = 0; i < 1e8; i++) s += i;'],
  times: [],
};
try {
  for (let round = 0; round < runs; round++) {
    for (const m of [two, ten, cli, cliAll, cliEmpty, loop]) if (!m.everyOther || round % 2 === 0) once(m);
  }
} finally {
  rmSync(empty, { recursive: true, force: true });
}

const [t2, t10] = [median(two.times), median(ten.times)];
const overFloor = median(cliAll.times) - median(cliEmpty.times);
const signed = (seconds: number) => `${seconds < 0 ? '−' : '+'}${Math.abs(seconds).toFixed(2)} s`;
const verdicts = new Map<Measured, string>([
  [two, t2 <= 1 ? 'ok (≤ 1 s)' : 'OVER TARGET (≤ 1 s)'],
  [
    ten,
    t10 <= 2 * t2 ? `ok (${(t10 / t2).toFixed(2)}× ≤ 2×)` : `OVER TARGET (${(t10 / t2).toFixed(2)}× > 2×)`,
  ],
  [cli, 'no target'],
  [
    cliAll,
    overFloor <= 1.5
      ? `ok (${signed(overFloor)} ≤ +1.5 s over the floor)`
      : `OVER TARGET (${signed(overFloor)} > +1.5 s over the floor)`,
  ],
  [cliEmpty, 'the floor: the CLI’s own start'],
  [loop, 'machine speed, not a target'],
]);
console.log(
  `median seconds, ${runs} interleaved rounds (cdktf synth every other round), ${cpus().length} cores`,
);
for (const [m, verdict] of verdicts)
  console.log(`${m.label.padEnd(36)} ${median(m.times).toFixed(3).padStart(7)} s  ${verdict}`);

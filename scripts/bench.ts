/**
 * `npm run bench`: median wall-clock seconds of
 *   - the app alone (node dist/main.js) for the two registered environments,
 *   - the app for 10 generated environments,
 *   - `npx cdktf synth` (CLI start-up + transpile + app).
 * Targets on a 2-core machine: app ≤ 1 s for dev+prod; 10 environments ≤ 2 × the time of 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function seconds(command: string, args: string[], runs: number, env: NodeJS.ProcessEnv = {}): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const outdir = mkdtempSync(join(tmpdir(), 'lightwave-bench-'));
    const started = process.hrtime.bigint();
    const result = spawnSync(
      command,
      args.map((a) => a.replace('{outdir}', outdir)),
      {
        cwd: root,
        env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', ...env },
        encoding: 'utf8',
      },
    );
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    rmSync(outdir, { recursive: true, force: true });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const runs = Number(process.env.BENCH_RUNS ?? 5);
const two = seconds(process.execPath, ['dist/main.js'], runs);
const ten = seconds(process.execPath, ['dist/scripts/synth-generated.js', '10', '{outdir}'], runs);
const cli = seconds('npx', ['cdktf', 'synth', '--output', '{outdir}'], Math.max(1, Math.ceil(runs / 2)));

const rows: [string, string, string][] = [
  ['app, 2 environments (dev, prod)', two.toFixed(3), two <= 1 ? 'ok (≤ 1 s)' : 'OVER TARGET (≤ 1 s)'],
  [
    'app, 10 generated environments',
    ten.toFixed(3),
    ten <= 2 * two ? `ok (${(ten / two).toFixed(2)}× ≤ 2×)` : `OVER TARGET (${(ten / two).toFixed(2)}× > 2×)`,
  ],
  ['npx cdktf synth (dev, prod)', cli.toFixed(3), 'no target'],
];
console.log(
  `median seconds over ${runs} runs (cdktf synth: ${Math.max(1, Math.ceil(runs / 2))}) on ${cpus().length} cores`,
);
for (const [what, value, verdict] of rows)
  console.log(`${what.padEnd(36)} ${value.padStart(7)} s  ${verdict}`);

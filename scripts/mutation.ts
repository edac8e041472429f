/**
 * `npm run test:mutation [-- <stryker options>]`: runs StrykerJS (stryker.config.mjs), then prints the mutation
 * score of each module group and exits 1 when one is below 80% or Stryker failed.
 *
 * The policy tests read the stacks Stryker's dry run synthesized from a fresh directory (LIGHTWAVE_SYNTH_CACHE, see
 * test/policy/support.ts) instead of synthesizing them again in each fresh worker.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupScores, type MutationReport } from './mutation-scores';

const MINIMUM_SCORE = 80;
const REPORT = 'reports/mutation/mutation.json';

const cache = mkdtempSync(join(tmpdir(), 'lightwave-synth-cache-'));
const started = Date.now();
let stryker;
try {
  stryker = spawnSync('npx', ['stryker', 'run', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, LIGHTWAVE_SYNTH_CACHE: cache },
  });
} finally {
  rmSync(cache, { recursive: true, force: true });
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);

const scores = groupScores(JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport);
console.log(`\nMutation score by module group (${new Date().toISOString().slice(0, 10)}, ${minutes} min):`);
for (const s of scores) {
  console.log(
    s.valid === 0
      ? `  ${s.group.padEnd(18)} not mutated in this run`
      : `  ${s.group.padEnd(18)} ${s.score.toFixed(2).padStart(6)}%  (${s.detected}/${s.valid} detected)`,
  );
}
// A group with no mutant in the report (a run restricted with --mutate) is not judged.
const low = scores.filter((s) => s.valid > 0 && !(s.score >= MINIMUM_SCORE));
if (stryker.status !== 0 || low.length > 0) {
  if (low.length > 0) console.log(`Below ${MINIMUM_SCORE}%: ${low.map((s) => s.group).join(', ')}`);
  process.exitCode = 1;
}

/**
 * Runs the review CLI as CI does (compiled JavaScript, `node review/cli.js …`), compiled by swc into a private
 * directory so that tests running in parallel never share `dist/`.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const sources = [
  'main.ts',
  'environments',
  'stacks',
  'constructs',
  'charts',
  'contract',
  'synth',
  'review',
  'policy',
  'scripts',
];

/** Compiles the app once and returns a runner of its review CLI. */
export function compiledReviewCli(): (args: readonly string[]) => SpawnSyncReturns<string> {
  const out = mkdtempSync(join(tmpdir(), 'lightwave-review-cli-'));
  const swc = spawnSync('npx', ['swc', ...sources, '-d', out, '-q'], { encoding: 'utf8' });
  if (swc.status !== 0) throw new Error(`swc failed: ${swc.stderr}`);
  return (args) =>
    spawnSync('node', [join(out, 'review', 'cli.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: resolve('node_modules') },
    });
}

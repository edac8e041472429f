/**
 * Runs the review CLI as CI does (compiled JavaScript, `node review/cli.js …`), compiled by swc into a private
 * directory so that tests running in parallel never share `dist/`. The directory is named by the hash of the
 * sources (scripts/build.js): compiled once per change of them, and appearing whole (built aside, then renamed).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Build {
  build(outdir: string): boolean;
  sourcesHash(): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build, sourcesHash } = require('../../scripts/build') as Build;

/** The sources compiled into a directory of their own, shared by every test and run of the same sources. */
function compiledSources(): string {
  const out = join(tmpdir(), `lightwave-review-cli-${sourcesHash()}`);
  if (existsSync(out)) return out;
  const aside = `${out}.${process.pid}`;
  build(aside);
  try {
    renameSync(aside, out);
  } catch {
    rmSync(aside, { recursive: true, force: true }); // another worker renamed its copy first
  }
  return out;
}

/** Compiles the app once and returns a runner of its review CLI. */
export function compiledReviewCli(): (args: readonly string[]) => SpawnSyncReturns<string> {
  const out = compiledSources();
  return (args) =>
    spawnSync('node', [join(out, 'review', 'cli.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: resolve('node_modules') },
    });
}

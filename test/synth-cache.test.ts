/**
 * The cache of synthesized stacks (test/support/synth-cache.ts) is never stale: its key covers every project module a
 * synthesis loads, and what it holds is what a fresh synthesis gives. The fresh synthesis runs in a child node
 * process outside jest (no cache there), loading the TypeScript the way the mutation run does.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { environments } from '../environments';
import { synthBootstrap, synthEnvironmentText, synthTreeText } from './support/synth';
import { synthesisInputs } from './support/synth-cache';

const root = join(__dirname, '..');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the child reports: the project files it loaded, and the hash of each stack it synthesized. */
interface Fresh {
  readonly loaded: string[];
  readonly stacks: Record<string, string>;
}

function freshSynthesis(): Fresh {
  const script = `
    const { createHash } = require('node:crypto');
    const { relative } = require('node:path');
    const sha256 = (text) => createHash('sha256').update(text).digest('hex');
    const { environments } = require('./environments');
    const { synthBootstrap, synthEnvironmentText, synthTreeText } = require('./test/support/synth');
    const stacks = { tree: sha256(synthTreeText(environments)) };
    for (const env of environments) {
      stacks[env.name] = sha256(synthEnvironmentText(env));
      stacks['bootstrap of ' + env.name] = sha256(JSON.stringify(synthBootstrap(env)));
    }
    const loaded = Object.keys(require.cache).filter((f) => !f.includes('/node_modules/')).map((f) => relative(process.cwd(), f));
    console.log(JSON.stringify({ loaded, stacks }));`;
  const env = { ...process.env };
  delete env.JEST_WORKER_ID;
  const child = spawnSync(
    process.execPath,
    ['-r', './test/support/mutation/register-typescript.js', '-e', script],
    { cwd: root, env, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`fresh synthesis failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Fresh;
}

const fresh = freshSynthesis();

test('the cache key covers every project module a synthesis loads', () => {
  const covered = (file: string) => synthesisInputs.some((i) => file === i || file.startsWith(`${i}/`));
  const loader = 'test/support/mutation/register-typescript.js';
  expect(fresh.loaded.filter((f) => f !== loader && !covered(f))).toEqual([]);
  expect(fresh.loaded).toContain('stacks/environment-stack.ts');
});

test('the cache holds what a fresh synthesis gives: every environment, its bootstrap stack, the whole tree', () => {
  const cached = Object.fromEntries([
    ['tree', sha256(synthTreeText(environments))],
    ...environments.flatMap((env) => [
      [env.name, sha256(synthEnvironmentText(env))],
      [`bootstrap of ${env.name}`, sha256(JSON.stringify(synthBootstrap(env)))],
    ]),
  ]);
  expect(cached).toEqual(fresh.stacks);
  expect(Object.keys(cached)).toHaveLength(1 + 2 * environments.length);
});

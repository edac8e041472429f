/**
 * The synthesis itself (cdktf and every provider binding: half a second to load). test/support/synth.ts requires it
 * only when its cache misses, so a test reading a stack synthesized before loads none of it.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Testing } from 'cdktf';
import type { EnvironmentConfig } from '../../environments/config';
import { BootstrapStack } from '../../stacks/bootstrap-stack';
import { zoneCacheRulesFor } from '../../stacks/cdn';
import { EnvironmentStack } from '../../stacks/environment-stack';
import { synthesizeApp } from '../../synth/app-writer';

/** The stack of `env` as JSON text (metadata stripped, keys sorted), beside the other environments of `registry`. */
export function environmentStackText(env: EnvironmentConfig, registry: readonly EnvironmentConfig[]): string {
  return Testing.synth(new EnvironmentStack(Testing.app(), env, zoneCacheRulesFor(env, registry)));
}

/** The bootstrap stack of one AWS account's environments as JSON text. */
export function bootstrapStackText(account: readonly EnvironmentConfig[]): string {
  return Testing.synth(new BootstrapStack(Testing.app(), account));
}

/** The files of the tree `cdktf synth` writes for `envs` (manifest, one cdk.tf.json per stack), as JSON text. */
export function treeText(envs: readonly EnvironmentConfig[]): string {
  const outdir = mkdtempSync(join(tmpdir(), 'lightwave-tree-'));
  try {
    synthesizeApp(envs, outdir);
    const files = readdirSync(outdir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(outdir, join(e.parentPath, e.name)))
      .sort();
    return JSON.stringify(Object.fromEntries(files.map((f) => [f, readFileSync(join(outdir, f), 'utf8')])));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

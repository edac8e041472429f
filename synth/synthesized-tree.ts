/**
 * A synthesized tree (what `cdktf synth` writes to cdktf.out): its stacks as Terraform JSON, paired with the
 * environment configs they came from. Reading a tree loads neither cdktf nor the stacks: the writer is a parameter
 * (synthesizeApp in app-writer.ts, or a test's cache).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentConfig } from '../environments/config';
import { accountsOf, bootstrapStackName } from '../environments/accounts';
import type { SynthesizedEnvironment } from './synthesized-environment';
import type { TerraformJson } from './terraform-json';

/** The stacks of a synthesized tree by name (`stacks/<name>/cdk.tf.json`), as listed in its manifest. */
export function readStacks(outdir: string): Map<string, TerraformJson> {
  const manifestFile = join(outdir, 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error(`${outdir} is not a synthesized tree (no manifest.json); run npx cdktf synth`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    stacks: Record<string, { synthesizedStackPath: string }>;
  };
  return new Map(
    Object.entries(manifest.stacks).map(([name, stack]) => [
      name,
      JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), 'utf8')) as TerraformJson,
    ]),
  );
}

/**
 * Writes the tree `cdktf synth` writes for `envs` to `outdir`: synthesizeApp (app-writer.ts), or in tests one that
 * reads it from their cache.
 */
export type WriteTree = (envs: readonly EnvironmentConfig[], outdir: string) => void;

/** Synthesizes `envs` into `outdir` and pairs each stack with its config. */
export function synthesizeTree(
  envs: readonly EnvironmentConfig[],
  outdir: string,
  writeTree: WriteTree,
): SynthesizedEnvironment[] {
  writeTree(envs, outdir);
  const stacks = readStacks(outdir);
  return envs.map((config) => ({ config, stack: stacks.get(config.name) as TerraformJson }));
}

/**
 * The bootstrap stacks of a tree synthesized from `envs`, each paired with the config of its account's first
 * environment (whose waivers and tier the policy rules read).
 */
export function bootstrapStacksOf(
  envs: readonly EnvironmentConfig[],
  outdir: string,
): SynthesizedEnvironment[] {
  const stacks = readStacks(outdir);
  return accountsOf(envs).map((account) => ({
    config: account[0],
    stack: stacks.get(bootstrapStackName(account)) as TerraformJson,
    stackName: bootstrapStackName(account),
  }));
}

/** Every stack a review looks at: the environments', then the per-account bootstrap stacks. */
export function synthesizeReviewedStacks(
  envs: readonly EnvironmentConfig[],
  outdir: string,
  writeTree: WriteTree,
): SynthesizedEnvironment[] {
  return [...synthesizeTree(envs, outdir, writeTree), ...bootstrapStacksOf(envs, outdir)];
}

/**
 * Synthesizes an environment the way `cdktf synth` does, for assertions and snapshots. Validation runs on every
 * call; the synthesis itself comes from the content-addressed cache (synth-cache.ts) when these sources and configs
 * were synthesized before, and cdktf is loaded only when they were not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EnvironmentConfig } from '../../environments/config';
import { assertValidEnvironments, todayUtc } from '../../environments/validate';
import { waiverRules } from '../../policy/waivers';
import { environments } from '../../environments';
import type { WriteTree } from '../../synth/synthesized-tree';
import type { TerraformJson } from '../../synth/terraform-json';
import { cachedSynthesis } from './synth-cache';

function synthesizer(): typeof import('./synthesizer') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./synthesizer') as typeof import('./synthesizer');
}

/** `env` first, then the registered environments of other names (they share the zone's cache rules), validated. */
function validRegistry(env: EnvironmentConfig): EnvironmentConfig[] {
  const registry = [env, ...environments.filter((e) => e.name !== env.name)];
  assertValidEnvironments(registry, todayUtc(), waiverRules);
  return registry;
}

/**
 * Validated, synthesized stack of one environment as JSON text (metadata stripped, keys sorted), alongside the
 * registered environments of other names (they share the zone's cache rules).
 */
export function synthEnvironmentText(env: EnvironmentConfig): string {
  const registry = validRegistry(env);
  return cachedSynthesis({ stack: 'environment', registry }, () =>
    synthesizer().environmentStackText(env, registry),
  );
}

/** Validated, synthesized stack of one environment. */
export function synthEnvironment(env: EnvironmentConfig): TerraformJson {
  return JSON.parse(synthEnvironmentText(env)) as TerraformJson;
}

export { withChange, type Writable } from './with-change';

/** Validated, synthesized bootstrap stack of the account holding `env` (with the registered environments). */
export function synthBootstrap(env: EnvironmentConfig): TerraformJson {
  const account = validRegistry(env).filter((e) => e.aws.accountId === env.aws.accountId);
  return JSON.parse(
    cachedSynthesis({ stack: 'bootstrap', account }, () => synthesizer().bootstrapStackText(account)),
  ) as TerraformJson;
}

/** The files of the tree `cdktf synth` writes for `envs`, validated first as the app does, as JSON text. */
export function synthTreeText(envs: readonly EnvironmentConfig[]): string {
  assertValidEnvironments(envs, todayUtc(), waiverRules);
  return cachedSynthesis({ tree: envs }, () => synthesizer().treeText(envs));
}

/**
 * The tree `cdktf synth` writes for `envs` (validated first, as the app does), written to `outdir` from the cache:
 * pass it to synthesizeTree / synthesizeReviewedStacks (synth/synthesized-tree.ts) and renderExamples.
 */
export const writeCachedTree: WriteTree = (envs, outdir) => {
  for (const [file, content] of Object.entries(JSON.parse(synthTreeText(envs)) as Record<string, string>)) {
    mkdirSync(dirname(join(outdir, file)), { recursive: true });
    writeFileSync(join(outdir, file), content);
  }
};

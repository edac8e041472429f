/**
 * Synthesizes an environment the way `cdktf synth` does, for assertions and snapshots. Every call validates first, as
 * the app does; a validation that passed today for the same configs and sources, and the synthesis itself, come from
 * the content-addressed cache (synth-cache.ts), and cdktf is loaded only when the synthesis was not cached.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EnvironmentConfig } from '../../environments/config';
import { assertValidEnvironments, todayUtc } from '../../environments/validate';
import { environments } from '../../environments';
import type { WriteTree } from '../../synth/synthesized-tree';
import type { TerraformJson } from '../../synth/terraform-json';
import { cachedSynthesis, cachedValidation } from './synth-cache';

function synthesizer(): typeof import('./synthesizer') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./synthesizer') as typeof import('./synthesizer');
}

/**
 * Throws as the app does when `envs` are invalid today (a failure is never cached: it fails on every call). The
 * policy waivers' check loads the policy registry: required only when the validation runs.
 */
function assertValid(envs: readonly EnvironmentConfig[]): void {
  const today = todayUtc();
  cachedValidation({ validated: envs, today }, () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { waiverRules } = require('../../policy/waivers') as typeof import('../../policy/waivers');
    assertValidEnvironments(envs, today, waiverRules);
  });
}

/** `env` first, then the registered environments of other names (they share the zone's cache rules), validated. */
function validRegistry(env: EnvironmentConfig): EnvironmentConfig[] {
  const registry = [env, ...environments.filter((e) => e.name !== env.name)];
  assertValid(registry);
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
  assertValid(envs);
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

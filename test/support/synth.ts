/**
 * Synthesizes an environment the way `cdktf synth` does, for assertions and snapshots.
 */
import { Testing } from 'cdktf';
import type { EnvironmentConfig } from '../../environments/config';
import { assertValidEnvironments, todayUtc } from '../../environments/validate';
import { waiverRules } from '../../policy/waivers';
import { environments } from '../../environments';
import { BootstrapStack } from '../../stacks/bootstrap-stack';
import { zoneCacheRulesFor } from '../../stacks/cdn';
import { EnvironmentStack } from '../../stacks/environment-stack';
import type { TerraformJson } from '../../synth/terraform-json';

/**
 * Validated, synthesized stack of one environment as JSON text (metadata stripped, keys sorted), alongside the
 * registered environments of other names (they share the zone's cache rules).
 */
export function synthEnvironmentText(env: EnvironmentConfig): string {
  const registry = [env, ...environments.filter((e) => e.name !== env.name)];
  assertValidEnvironments(registry, todayUtc(), waiverRules);
  return Testing.synth(new EnvironmentStack(Testing.app(), env, zoneCacheRulesFor(env, registry)));
}

/** Validated, synthesized stack of one environment. */
export function synthEnvironment(env: EnvironmentConfig): TerraformJson {
  return JSON.parse(synthEnvironmentText(env)) as TerraformJson;
}

export { withChange, type Writable } from './with-change';

/** Validated, synthesized bootstrap stack of the account holding `env` (with the registered environments). */
export function synthBootstrap(env: EnvironmentConfig): TerraformJson {
  const registry = [env, ...environments.filter((e) => e.name !== env.name)];
  assertValidEnvironments(registry, todayUtc(), waiverRules);
  const account = registry.filter((e) => e.aws.accountId === env.aws.accountId);
  return JSON.parse(Testing.synth(new BootstrapStack(Testing.app(), account))) as TerraformJson;
}

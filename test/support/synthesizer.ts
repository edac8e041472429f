/**
 * The synthesis itself (cdktf and every provider binding: half a second to load). test/support/synth.ts requires it
 * only when its cache misses, so a test reading a stack synthesized before loads none of it.
 */
import { Testing } from 'cdktf';
import type { EnvironmentConfig } from '../../environments/config';
import { BootstrapStack } from '../../stacks/bootstrap-stack';
import { zoneCacheRulesFor } from '../../stacks/cdn';
import { EnvironmentStack } from '../../stacks/environment-stack';

/** The stack of `env` as JSON text (metadata stripped, keys sorted), beside the other environments of `registry`. */
export function environmentStackText(env: EnvironmentConfig, registry: readonly EnvironmentConfig[]): string {
  return Testing.synth(new EnvironmentStack(Testing.app(), env, zoneCacheRulesFor(env, registry)));
}

/** The bootstrap stack of one AWS account's environments as JSON text. */
export function bootstrapStackText(account: readonly EnvironmentConfig[]): string {
  return Testing.synth(new BootstrapStack(Testing.app(), account));
}

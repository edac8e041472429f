/**
 * Synthesizes an environment the way `cdktf synth` does, for assertions and snapshots.
 */
import { Testing } from 'cdktf';
import type { EnvironmentConfig } from '../../environments/config';
import { assertValidEnvironments } from '../../environments/validate';
import { EnvironmentStack } from '../../stacks/environment-stack';
import type { TerraformJson } from './terraform-json';

/** Validated, synthesized stack of one environment as JSON text (metadata stripped, keys sorted). */
export function synthEnvironmentText(env: EnvironmentConfig): string {
  assertValidEnvironments([env]);
  return Testing.synth(new EnvironmentStack(Testing.app(), env));
}

/** Validated, synthesized stack of one environment. */
export function synthEnvironment(env: EnvironmentConfig): TerraformJson {
  return JSON.parse(synthEnvironmentText(env)) as TerraformJson;
}

/** A writable view of a read-only config, for tests that derive variants. */
export type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;

/** A deep copy of `env` with `change` applied to the copy, for one-off bad or varied inputs. */
export function withChange(
  env: EnvironmentConfig,
  change: (copy: Writable<EnvironmentConfig>) => void,
): EnvironmentConfig {
  const copy = structuredClone(env) as Writable<EnvironmentConfig>;
  change(copy);
  return copy;
}

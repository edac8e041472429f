/**
 * Validates the local development setup: the environment it mirrors must be valid (its own rules and the registry's,
 * as for `cdktf synth`), then every local rule runs; all failures come at once and nothing is written on bad input.
 */
import type { EnvironmentConfig } from './config';
import { environments } from './index';
import type { LocalConfig } from './parts/local';
import { localRules } from './rules/local';
import { todayUtc, validateEnvironments } from './validate';
import { Checker, ConfigValidationError, type ValidationFailure } from './validation';

/** @param registry the registered environments (ports and buckets they take); the mirrored one is replaced by `basedOn` */
export function validateLocal(
  local: LocalConfig,
  registry: readonly EnvironmentConfig[] = environments,
  today = todayUtc(),
): ValidationFailure[] {
  const envs = [local.basedOn, ...registry.filter((e) => e.name !== local.basedOn.name)];
  const check = new Checker('local', today);
  for (const rule of localRules) {
    try {
      rule(local, envs, check);
    } catch (error) {
      check.check('(structure)', (error as Error).message, false, 'a configuration shaped like LocalConfig');
    }
  }
  return [...validateEnvironments(envs, today), ...check.failures];
}

/** Throws a ConfigValidationError listing every failure; returns quietly when the setup is valid. */
export function assertValidLocal(
  local: LocalConfig,
  registry: readonly EnvironmentConfig[] = environments,
  today = todayUtc(),
): void {
  const failures = validateLocal(local, registry, today);
  if (failures.length > 0) throw new ConfigValidationError(failures, 'nothing was written to local/');
}

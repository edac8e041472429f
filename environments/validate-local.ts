/**
 * Validates the local development setup: the environment it mirrors must be valid (its own rules and the registry's,
 * as for `cdktf synth`), then every local rule runs; all failures come at once and nothing is written on bad input.
 */
import type { EnvironmentConfig } from './config';
import { environments } from './index';
import type { LocalConfig } from './parts/local';
import { localRules } from './rules/local';
import { todayUtc, validateEnvironments } from './validate';
import {
  Checker,
  ConfigValidationError,
  runReportingCrashes,
  type LocalRule,
  type ValidationFailure,
} from './validation';

/** The failures of `rules` over the local setup (the validation tests also run one area's rules alone). */
export function checkLocal(
  local: LocalConfig,
  envs: readonly EnvironmentConfig[],
  rules: readonly LocalRule[],
  today: string,
): ValidationFailure[] {
  const check = new Checker('local', today);
  for (const rule of rules) runReportingCrashes(check, () => rule(local, envs, check), 'LocalConfig');
  return check.failures;
}

/** The mirrored environment (`basedOn`) in place of its registered namesake, and the others. */
export function localRegistry(
  local: LocalConfig,
  registry: readonly EnvironmentConfig[],
): EnvironmentConfig[] {
  return [local.basedOn, ...registry.filter((e) => e.name !== local.basedOn.name)];
}

/** @param registry the registered environments (ports and buckets they take); the mirrored one is replaced by `basedOn` */
export function validateLocal(
  local: LocalConfig,
  registry: readonly EnvironmentConfig[] = environments,
  today = todayUtc(),
): ValidationFailure[] {
  const envs = localRegistry(local, registry);
  return [...validateEnvironments(envs, today), ...checkLocal(local, envs, localRules, today)];
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

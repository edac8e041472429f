/**
 * Runs every validation rule over every environment and across them, so all failures are reported at once.
 */
import type { EnvironmentConfig } from './config';
import { applicationRules } from './rules/application';
import { clusterRules } from './rules/cluster';
import { coreRules } from './rules/core';
import { databaseRules } from './rules/database';
import { databaseAccessRules } from './rules/database-access';
import { databaseRestoreRules } from './rules/database-restore';
import { dataProtectionRules } from './rules/data-protection';
import { deliveryRules } from './rules/delivery';
import { extensionRules } from './rules/extensions';
import { maxConnectionsRules } from './rules/max-connections';
import { mediaRules } from './rules/media';
import { namespaceQuotaRules } from './rules/namespace-quota';
import { observabilityRules } from './rules/observability';
import { pgbouncerFaultRules } from './rules/pgbouncer-faults';
import { policyWaiverRules } from './rules/policy-waivers';
import { redisRules } from './rules/redis';
import { sessionPathRules } from './rules/session-path';
import { tableReadRules } from './rules/table-reads';
import { registryRules } from './rules/registry';
import { Checker, ConfigValidationError, type EnvironmentRule, type ValidationFailure } from './validation';

const environmentRules: readonly EnvironmentRule[] = [
  ...coreRules,
  ...databaseRules,
  ...maxConnectionsRules,
  ...databaseAccessRules,
  ...extensionRules,
  ...tableReadRules,
  ...clusterRules,
  ...sessionPathRules,
  ...pgbouncerFaultRules,
  ...mediaRules,
  ...dataProtectionRules,
  ...databaseRestoreRules,
  ...applicationRules,
  ...redisRules,
  ...observabilityRules,
  ...namespaceQuotaRules,
  ...deliveryRules,
  ...policyWaiverRules,
];

/** Today in UTC as YYYY-MM-DD. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** A rule that trips over a missing part of the config reports it instead of hiding the other failures. */
function run(check: Checker, rule: () => void): void {
  try {
    rule();
  } catch (error) {
    check.check(
      '(structure)',
      (error as Error).message,
      false,
      'a configuration shaped like EnvironmentConfig',
    );
  }
}

/**
 * @param today YYYY-MM-DD against which waiver expiries are judged
 * @param now the instant restore times are judged against
 */
export function validateEnvironments(
  envs: readonly EnvironmentConfig[],
  today = todayUtc(),
  now = new Date(),
): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  for (const env of envs) {
    const check = new Checker(env.name, today, now);
    for (const rule of environmentRules) run(check, () => rule(env, check));
    failures.push(...check.failures);
  }
  const registry = new Checker('registry', today);
  for (const rule of registryRules) run(registry, () => rule(envs, registry));
  return [...failures, ...registry.failures];
}

/** Throws a ConfigValidationError listing every failure; returns quietly when the configuration is valid. */
export function assertValidEnvironments(envs: readonly EnvironmentConfig[], today = todayUtc()): void {
  const failures = validateEnvironments(envs, today);
  if (failures.length > 0) throw new ConfigValidationError(failures);
}

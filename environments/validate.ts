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
import { knownKeyRules } from './rules/known-keys';
import { maxConnectionsRules } from './rules/max-connections';
import { mediaRules } from './rules/media';
import { namespaceQuotaRules } from './rules/namespace-quota';
import { auditTrailRules } from './rules/audit-trail';
import { observabilityRules } from './rules/observability';
import { productRules } from './rules/products';
import { pgbouncerFaultRules } from './rules/pgbouncer-faults';
import { redisRules } from './rules/redis';
import { connectionBudgetRules } from './rules/connection-budget';
import { sessionPathRules } from './rules/session-path';
import { tableReadRules } from './rules/table-reads';
import { tierGuardRules } from './rules/tier-guards';
import { registryRules } from './rules/registry';
import { products } from './products';
import { productRegistryFailures } from './products/registry-check';
import {
  Checker,
  checkEach,
  ConfigValidationError,
  runReportingCrashes,
  type EnvironmentRule,
  type ValidationFailure,
} from './validation';

const environmentRules: readonly EnvironmentRule[] = [
  ...knownKeyRules,
  ...coreRules,
  ...productRules,
  ...tierGuardRules,
  ...databaseRules,
  ...maxConnectionsRules,
  ...databaseAccessRules,
  ...extensionRules,
  ...tableReadRules,
  ...clusterRules,
  ...sessionPathRules,
  ...connectionBudgetRules,
  ...pgbouncerFaultRules,
  ...mediaRules,
  ...dataProtectionRules,
  ...databaseRestoreRules,
  ...applicationRules,
  ...redisRules,
  ...observabilityRules,
  ...auditTrailRules,
  ...namespaceQuotaRules,
  ...deliveryRules,
];

/** Today in UTC as YYYY-MM-DD. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/**
 * @param today YYYY-MM-DD against which waiver expiries are judged
 * @param moreRules rules over one environment defined elsewhere (the policy waivers, policy/waivers.ts)
 * @param now the instant restore times are judged against
 */
export function validateEnvironments(
  envs: readonly EnvironmentConfig[],
  today = todayUtc(),
  moreRules: readonly EnvironmentRule[] = [],
  now = new Date(),
): ValidationFailure[] {
  const registry = new Checker('registry', today);
  for (const rule of registryRules) runReportingCrashes(registry, () => rule(envs, registry));
  return [
    ...checkEach(envs, [...environmentRules, ...moreRules], today, now),
    ...registry.failures,
    ...productRegistryFailures(products, envs),
  ];
}

/** Throws a ConfigValidationError listing every failure; returns quietly when the configuration is valid. */
export function assertValidEnvironments(
  envs: readonly EnvironmentConfig[],
  today = todayUtc(),
  moreRules: readonly EnvironmentRule[] = [],
): void {
  const failures = validateEnvironments(envs, today, moreRules);
  if (failures.length > 0) throw new ConfigValidationError(failures);
}

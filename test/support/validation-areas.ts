/**
 * The rule module(s) that report a field, so that a validation test can run only those. Each mutant of a rule module
 * then runs only the tests of its area in the mutation run (every test of a full validation would execute it),
 * and a failure elsewhere cannot satisfy the test by accident. Full validation is validate.ts's, tested on its own.
 */
import type { EnvironmentConfig } from '../../environments/config';
import { auditTrailRules } from '../../environments/rules/audit-trail';
import { clusterRules } from '../../environments/rules/cluster';
import { connectionBudgetRules, CONNECTION_BUDGET_FIELD } from '../../environments/rules/connection-budget';
import { coreRules } from '../../environments/rules/core';
import { databaseRules } from '../../environments/rules/database';
import { databaseAccessRules } from '../../environments/rules/database-access';
import { databaseRestoreRules } from '../../environments/rules/database-restore';
import { dataProtectionRules } from '../../environments/rules/data-protection';
import { applicationRules } from '../../environments/rules/application';
import { deliveryRules } from '../../environments/rules/delivery';
import { extensionRules } from '../../environments/rules/extensions';
import { knownKeyRules } from '../../environments/rules/known-keys';
import { maxConnectionsRules } from '../../environments/rules/max-connections';
import { mediaRules } from '../../environments/rules/media';
import { namespaceQuotaRules } from '../../environments/rules/namespace-quota';
import { observabilityRules } from '../../environments/rules/observability';
import { productRules } from '../../environments/rules/products';
import { pgbouncerFaultRules } from '../../environments/rules/pgbouncer-faults';
import { redisRules } from '../../environments/rules/redis';
import { sessionPathRules } from '../../environments/rules/session-path';
import { tableReadRules } from '../../environments/rules/table-reads';
import { tierGuardRules } from '../../environments/rules/tier-guards';
import { localImageRules } from '../../environments/rules/local/images';
import { localKnownKeyRules } from '../../environments/rules/local/known-keys';
import { localNameRules } from '../../environments/rules/local/names';
import { localObjectStoreRules } from '../../environments/rules/local/object-store';
import { localPortRules } from '../../environments/rules/local/ports';
import { localSettingsRules } from '../../environments/rules/local/settings';
import type { LocalConfig } from '../../environments/parts/local';
import { todayUtc } from '../../environments/validate';
import { checkLocal, localRegistry } from '../../environments/validate-local';
import {
  checkEach,
  type EnvironmentRule,
  type LocalRule,
  type ValidationFailure,
} from '../../environments/validation';

/** By the field's start; the first match wins. The connection budget is its own area (rules/connection-budget.ts). */
const AREAS: readonly [RegExp, readonly EnvironmentRule[]][] = [
  // What an environment file may not write (its tier, what products derive): the products' rules say so.
  [/^tier$/, [...coreRules, ...productRules]],
  [/^databaseAccess\.(roles|schemas)$/, [...databaseAccessRules, ...productRules]],
  [/^cluster\.(namespaces|apps)$/, [...clusterRules, ...applicationRules, ...productRules]],
  [new RegExp(`^${CONNECTION_BUDGET_FIELD.replace(/[()]/g, '\\$&')}$`), connectionBudgetRules],
  [/^databaseAccess\.roles\[[\d*]+\]\.connectionLimit$/, databaseAccessRules],
  [/^databaseAccess\.monitoringRole\./, observabilityRules],
  [/^databaseAccess\.extensions\.names$/, [...extensionRules, ...observabilityRules]],
  [/^databaseAccess\.extensions\./, extensionRules],
  [/^databaseAccess\.schemas\[\d+\]\.(tableReaders|sensitiveTables)/, tableReadRules],
  [/^databaseAccess\.schemas\[\d+\]\.readers/, [...databaseAccessRules, ...tableReadRules]],
  [/^databaseAccess\./, databaseAccessRules],
  [/^database\.parameters\.maxConnections$/, maxConnectionsRules],
  [/^database\.restore\./, databaseRestoreRules],
  [/^database\./, databaseRules],
  [/^cluster\.pgbouncer\.(queryWaitTimeoutSeconds|drainSeconds)$/, pgbouncerFaultRules],
  [/^cluster\.pgbouncer\.sessionPoolSize$/, sessionPathRules],
  [/^cluster\.namespaces\[\d+\]\.quota\.(requests|limits)\./, [...clusterRules, ...namespaceQuotaRules]],
  // A product's sizes and settings are judged where they end up (its role, namespace, app) and reported back here.
  [
    /^(products\.\w+|productSizes|cluster\.platformNamespace)\.quota\./,
    [...clusterRules, ...namespaceQuotaRules],
  ],
  [
    /^(products\.\w+|productSizes)\.(connectionLimit|statementTimeoutMs)$/,
    [...databaseAccessRules, ...productRules],
  ],
  [/^products\.\w+\.settings\./, applicationRules],
  [/^products\.\w+\.status$/, [...productRules, ...applicationRules]],
  [/^products\./, productRules],
  [/^cluster\.redis\./, redisRules],
  [/^cluster\.oidcIssuerUrl$/, dataProtectionRules],
  // Peers are also judged against the VPC, by the network's rule (rules/network-peers.ts).
  [/^cluster\.apps\.\w+\.httpsEgressCidrs/, [...clusterRules, ...coreRules]],
  [/^dataProtection\.mediaCopy\.(aws|r2)HttpsEgressCidrs/, [...dataProtectionRules, ...coreRules]],
  [/^cluster\.apps\./, [...clusterRules, ...applicationRules]],
  [/^cluster\./, clusterRules],
  [/^cloudflare\./, mediaRules],
  [/^dataProtection\./, dataProtectionRules],
  [/^observability\.auditTrail\./, auditTrailRules],
  [/^observability\./, observabilityRules],
  [/^(delivery\.|state\.(kmsKeyAlias|noncurrentVersionExpirationDays)$)/, deliveryRules],
  [/^/, coreRules],
];

/**
 * The failures that the rules of `field`'s area report over each of `envs`, and the unknown keys (any field can be
 * one, so that rule joins every area).
 */
export function areaFailures(
  envs: readonly EnvironmentConfig[],
  field: string,
  today?: string,
): ValidationFailure[] {
  const rules = AREAS.find(([pattern]) => pattern.test(field))?.[1] ?? [];
  // Unknown keys and weakened tier guards can be any field: those rules join every area.
  return checkEach(envs, [...knownKeyRules, ...tierGuardRules, ...rules], today ?? todayUtc());
}

/** The local setup's areas (environments/rules/local/), by the field's start. */
const LOCAL_AREAS: readonly [RegExp, readonly LocalRule[]][] = [
  [/^ports\./, localPortRules],
  [/^(postgresImage|objectStore\.(image|initImage))\./, localImageRules],
  [/^objectStore\./, localObjectStoreRules],
  [/^settings\./, localSettingsRules],
  [/^(projectName$|basedOn\.)/, localNameRules],
];

/** The failures that the local rules of `field`'s area report, with the registered environments (or `registry`). */
export function localAreaFailures(
  local: LocalConfig,
  registry: readonly EnvironmentConfig[],
  field: string,
  today?: string,
): ValidationFailure[] {
  const rules = LOCAL_AREAS.find(([pattern]) => pattern.test(field))?.[1] ?? [];
  return checkLocal(
    local,
    localRegistry(local, registry),
    [...localKnownKeyRules, ...rules],
    today ?? todayUtc(),
  );
}

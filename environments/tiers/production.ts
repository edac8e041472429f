/**
 * The production tier: every guard against data loss. Deletion protection, 14 days of automated backups and 180 of
 * monthly recovery points copied to the second region under a compliance vault lock, a year of audit trail, alarms
 * after 5 minutes, and a plan role only a reviewed GitHub Environment (`<name>-plan`) can assume.
 */
import { appLimitRange, appPodSecurity } from '../namespace-defaults';
import { baseShape, baseWaivers } from './base';
import { mergeValues } from './merge';
import type { Tier } from './tier';

export const production: Tier = {
  name: 'production',
  waivers: baseWaivers,
  productGuardrails: { podSecurity: appPodSecurity, limitRange: appLimitRange },
  shape: (own) =>
    mergeValues(baseShape(own), {
      tier: 'production',
      cluster: { pgbouncer: { drainSeconds: 120 } },
      database: {
        deletionProtection: true,
        backupRetentionDays: 14,
        maintenanceWindow: 'sun:04:00-sun:05:00',
        logRetentionDays: 30,
        kmsDeletionWindowDays: 30,
        parameters: { logMinDurationStatementMs: 1000 },
      },
      cloudflare: {
        media: { abortIncompleteUploadsAfterDays: 7 },
        cdn: { edgeTtlSeconds: 2592000, browserTtlSeconds: 86400 },
      },
      dataProtection: {
        backup: {
          daily: { retentionDays: 14, drRetentionDays: 14 },
          monthly: { retentionDays: 180, drRetentionDays: 180 },
          copyToDrRegion: true,
          // Compliance: after 7 days nobody (the deploy role, root, AWS) can lift it or shorten retention
          // (docs/threat-model.md). It cannot be undone: docs/backups.md.
          vaultLock: { mode: 'compliance', changeableForDays: 7 },
        },
        mediaCopy: { previousVersionRetentionDays: 90 },
      },
      observability: { auditTrail: { logRetentionDays: 365 }, alarms: { sustainMinutes: 5 } },
      // What a production environment typically uses, for the cost estimate (an environment may write its own).
      cost: {
        usage: {
          databaseLogsGiBPerMonth: 5,
          r2StorageGiB: 100,
          r2ClassAOperationsPerMonth: 500_000,
          r2ClassBOperationsPerMonth: 5_000_000,
          databaseSnapshotGiB: 10,
          databaseChangedGiBPerDay: 0.2,
          mediaObjects: 200_000,
          mediaNewGiBPerMonth: 5,
          mediaNewObjectsPerMonth: 10_000,
          alertMessagesPerMonth: 300,
        },
      },
      // REPLACE the GitHub Environment's name if it is called otherwise: required reviewers, like the deploy's.
      delivery: { planRole: { githubEnvironment: `${own.name}-plan` } },
    }),
};

/**
 * The development tier: data that can be re-created. Short retention, no deletion protection, recovery points stay
 * in the primary region, no vault lock; a slower alarm (15 minutes) for a team that is not paged at night.
 */
import { appLimitRange, appPodSecurity } from '../namespace-defaults';
import { baseShape, baseWaivers } from './base';
import { mergeValues } from './merge';
import type { Tier } from './tier';

export const development: Tier = {
  name: 'development',
  waivers: baseWaivers,
  productGuardrails: { podSecurity: appPodSecurity, limitRange: appLimitRange },
  shape: (own) =>
    mergeValues(baseShape(own), {
      tier: 'development',
      cluster: { pgbouncer: { drainSeconds: 90 } },
      database: {
        deletionProtection: false,
        backupRetentionDays: 7,
        maintenanceWindow: 'sun:04:00-sun:04:30',
        logRetentionDays: 14,
        kmsDeletionWindowDays: 7,
        parameters: { logMinDurationStatementMs: 500 },
      },
      cloudflare: {
        media: { abortIncompleteUploadsAfterDays: 3 },
        cdn: { edgeTtlSeconds: 3600, browserTtlSeconds: 300 },
      },
      dataProtection: {
        backup: {
          daily: { retentionDays: 7, drRetentionDays: 7 },
          monthly: { retentionDays: 31, drRetentionDays: 31 },
          copyToDrRegion: false, // the data can be re-created; its recovery points stay in the primary region
          vaultLock: { mode: 'none' },
        },
        mediaCopy: { previousVersionRetentionDays: 30 },
      },
      observability: { auditTrail: { logRetentionDays: 90 }, alarms: { sustainMinutes: 15 } },
      // What a development environment typically uses, for the cost estimate (an environment may write its own).
      cost: {
        usage: {
          databaseLogsGiBPerMonth: 1,
          r2StorageGiB: 5,
          r2ClassAOperationsPerMonth: 50_000,
          r2ClassBOperationsPerMonth: 500_000,
          databaseSnapshotGiB: 2,
          databaseChangedGiBPerDay: 0.05,
          mediaObjects: 10_000,
          mediaNewGiBPerMonth: 1,
          mediaNewObjectsPerMonth: 1_000,
          alertMessagesPerMonth: 300,
        },
      },
    }),
};

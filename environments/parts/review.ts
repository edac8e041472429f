/**
 * Configuration read by the review and policy tooling: accepted exceptions to policy rules, and the budget and
 * usage assumptions behind the cost estimate.
 */

/** An accepted, temporary exception to a policy rule. */
export interface PolicyWaiver {
  /** The rule id, e.g. LW-RDS-006 (unknown ids are refused). */
  readonly rule: string;
  /** Why the failure is accepted and what would end it (at least 20 characters). */
  readonly reason: string;
  /** Last day the waiver holds, YYYY-MM-DD; after it, validation fails until someone decides again. */
  readonly expires: string;
  /** Limit the waiver to one address. @default - every address the rule fails on */
  readonly address?: string;
}

export interface UsageAssumptions {
  /** PostgreSQL and upgrade logs, plus enhanced-monitoring metrics, ingested into CloudWatch per month. */
  readonly databaseLogsGiBPerMonth: number;
  /** Media stored in R2. */
  readonly r2StorageGiB: number;
  /** Writes and lists (class A) per month. */
  readonly r2ClassAOperationsPerMonth: number;
  /** Reads (class B) per month that miss the CDN cache. */
  readonly r2ClassBOperationsPerMonth: number;
  /** Data one full database snapshot holds (the used part of the storage). */
  readonly databaseSnapshotGiB: number;
  /** What each daily recovery point adds to the previous one (changed blocks). */
  readonly databaseChangedGiBPerDay: number;
  /** Objects in the media bucket (listings, lifecycle transitions). */
  readonly mediaObjects: number;
  /** Media uploaded or overwritten per month (what the copy job transfers). */
  readonly mediaNewGiBPerMonth: number;
  /** Objects uploaded or overwritten per month. */
  readonly mediaNewObjectsPerMonth: number;
  /** Alarm and RDS event messages per month, each mailed to every email recipient. */
  readonly alertMessagesPerMonth: number;
}

export interface CostConfig {
  /** Approved monthly cost of the database (RDS, its storage, key, secret and logs), in USD. */
  readonly databaseBudgetUsdPerMonth: number;
  readonly usage: UsageAssumptions;
}

/**
 * List prices the cost estimate uses: AWS us-east-1 on-demand and Cloudflare R2, in USD.
 *
 * Transcribed on PRICES_AS_OF from the pages in PRICE_SOURCES. Prices change: re-check them before a budget
 * decision, and update the date with the numbers.
 */

export const PRICES_AS_OF = '2025-10-15';

export const PRICE_SOURCES: Readonly<Record<string, string>> = {
  rds: 'https://aws.amazon.com/rds/postgresql/pricing/',
  kms: 'https://aws.amazon.com/kms/pricing/',
  secretsManager: 'https://aws.amazon.com/secrets-manager/pricing/',
  cloudWatch: 'https://aws.amazon.com/cloudwatch/pricing/',
  sns: 'https://aws.amazon.com/sns/pricing/',
  r2: 'https://developers.cloudflare.com/r2/pricing/',
  backup: 'https://aws.amazon.com/backup/pricing/',
  s3: 'https://aws.amazon.com/s3/pricing/',
  vpc: 'https://aws.amazon.com/vpc/pricing/',
};

export const HOURS_PER_MONTH = 730;

/** RDS for PostgreSQL, Single-AZ on-demand, USD per instance-hour (Multi-AZ deployments cost twice as much). */
export const rdsHourly: Readonly<Record<string, number>> = {
  'db.t3.micro': 0.018,
  'db.t3.small': 0.036,
  'db.t3.medium': 0.072,
  'db.t3.large': 0.145,
  'db.t3.xlarge': 0.29,
  'db.t3.2xlarge': 0.579,
  'db.t4g.micro': 0.016,
  'db.t4g.small': 0.032,
  'db.t4g.medium': 0.065,
  'db.t4g.large': 0.129,
  'db.t4g.xlarge': 0.258,
  'db.t4g.2xlarge': 0.517,
  'db.m6g.large': 0.159,
  'db.m6g.xlarge': 0.318,
  'db.m6g.2xlarge': 0.636,
  'db.m6i.large': 0.178,
  'db.m6i.xlarge': 0.356,
  'db.m6i.2xlarge': 0.712,
  'db.m7g.large': 0.168,
  'db.m7g.xlarge': 0.337,
  'db.m7g.2xlarge': 0.673,
  'db.r6g.large': 0.225,
  'db.r6g.xlarge': 0.45,
  'db.r6g.2xlarge': 0.899,
  'db.r7g.large': 0.239,
  'db.r7g.xlarge': 0.478,
  'db.r7g.2xlarge': 0.956,
};

export const prices = {
  /** gp3 storage, USD per GiB-month, Single-AZ (Multi-AZ: twice). */
  rdsGp3GiBMonth: 0.115,
  /** Performance Insights with 7 days of history is free; longer retention is not estimated here. */
  performanceInsightsFreeDays: 7,
  kmsKeyMonth: 1.0,
  secretMonth: 0.4,
  cloudWatchLogsIngestGiB: 0.5,
  /** Standard-resolution alarm, per alarm metric per month; 10 are free per account (CloudWatch free tier). */
  cloudWatchAlarmMetricMonth: 0.1,
  cloudWatchFreeAlarmMetrics: 10,
  /** Dashboard per month; 3 dashboards of up to 50 metrics are free per account. */
  cloudWatchDashboardMonth: 3.0,
  cloudWatchFreeDashboards: 3,
  /** SNS email deliveries: the first 1,000 a month are free, then USD per 100,000. */
  snsEmailPer100k: 2.0,
  snsFreeEmails: 1000,
  r2StorageGiBMonth: 0.015,
  r2ClassAPerMillion: 4.5,
  r2ClassBPerMillion: 0.36,
  /** R2's monthly free tier, per account (shared by every bucket of the account). */
  r2FreeStorageGiB: 10,
  r2FreeClassAMillions: 1,
  r2FreeClassBMillions: 10,
  /** AWS Backup: RDS snapshot storage, USD per GiB-month (us-east-1 and us-west-2 alike); no free allowance. */
  backupRdsSnapshotGiBMonth: 0.095,
  /** AWS Backup cross-region copy: data transfer out of us-east-1 to another region, USD per GiB. */
  backupCrossRegionTransferGiB: 0.02,
  /** RDS automated backups replicated to another region: backup storage there, USD per GiB-month. */
  rdsReplicatedBackupGiBMonth: 0.095,
  /** S3 Standard and Glacier Instant Retrieval storage, USD per GiB-month (first 50 TB, us-east-1). */
  s3StandardGiBMonth: 0.023,
  s3GlacierIrGiBMonth: 0.004,
  /** S3 PUT, COPY, POST, LIST requests to Standard, USD per 1,000. */
  s3WritePerThousand: 0.005,
  /** S3 lifecycle transitions into Glacier Instant Retrieval, USD per 1,000 objects. */
  s3GlacierIrTransitionPerThousand: 0.02,
  /** S3 Glacier Instant Retrieval data retrieval, USD per GiB (a recovery reads it). */
  s3GlacierIrRetrievalGiB: 0.03,
  /** NAT gateway data processing, USD per GiB (the cluster's way out, when it has one). */
  natGatewayProcessingGiB: 0.045,
} as const;

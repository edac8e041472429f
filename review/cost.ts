/**
 * Monthly cost estimate of an environment, computed from its synthesized resources, the price table and the usage
 * assumptions in config. The database part is what the approved budget covers; media (R2) is shown separately.
 */
import { blocksOf, get, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import type { Block } from '../synth/terraform-json';
import { HOURS_PER_MONTH, prices, rdsHourly } from './prices';

export interface CostLine {
  readonly group: 'database' | 'media';
  readonly item: string;
  /** How the amount was computed, for the reader. */
  readonly basis: string;
  readonly usd: number;
}

export interface CostEstimate {
  readonly lines: readonly CostLine[];
  readonly databaseUsd: number;
  readonly mediaUsd: number;
  readonly databaseBudgetUsd: number;
  readonly withinBudget: boolean;
  /** Things the estimate leaves out. */
  readonly notes: readonly string[];
}

const round = (usd: number) => Math.round(usd * 100) / 100;
const DAYS_PER_MONTH = 30;

type AddLine = (group: CostLine['group'], item: string, basis: string, usd: number) => void;

/**
 * GiB a chain of RDS recovery points holds: one full snapshot, what each further daily point changed, and what each
 * further monthly point changed since the previous month (at most a full snapshot).
 */
export function recoveryPointGiB(
  env: SynthesizedEnvironment,
  dailyDays: number,
  monthlyDays: number,
): number {
  const { databaseSnapshotGiB: full, databaseChangedGiBPerDay: perDay } = env.config.cost.usage;
  const monthlyPoints = Math.ceil(monthlyDays / DAYS_PER_MONTH);
  return (
    full +
    perDay * Math.max(0, dailyDays - 1) +
    Math.min(full, perDay * DAYS_PER_MONTH) * Math.max(0, monthlyPoints - 1)
  );
}

/** Retention (days) of each rule of the backup plan, in the primary vault and in the copy's vault. */
function planRetention(plan: Block): { primary: Record<string, number>; copy: Record<string, number> } {
  const rules = (plan.rule as Block[] | undefined) ?? [];
  const days = (lifecycle: unknown) => Number(get(lifecycle, 'delete_after') ?? 0);
  const entries = (pick: (r: Block) => unknown) =>
    Object.fromEntries(
      rules.filter((r) => pick(r) !== undefined).map((r) => [String(r.rule_name), days(pick(r))]),
    );
  return {
    primary: entries((r) => r.lifecycle),
    copy: entries((r) => get(r.copy_action, 'lifecycle')),
  };
}

/** AWS Backup: recovery points in the primary vault and, with copy actions, in the DR vault plus the transfer. */
function backupLines(env: SynthesizedEnvironment, add: AddLine): void {
  const [, plan] = blocksOf(env.stack, ['aws_backup_plan'])[0] ?? [];
  if (!plan) return;
  const { primary, copy } = planRetention(plan);
  const region = env.config.aws.region;
  const vault = (where: string, days: Record<string, number>) => {
    const gib = recoveryPointGiB(env, days.daily ?? 0, days.monthly ?? 0);
    add(
      'database',
      `AWS Backup recovery points (${where})`,
      `${gib.toFixed(1)} GiB (daily ${days.daily ?? 0} d, monthly ${days.monthly ?? 0} d) × $${prices.backupRdsSnapshotGiBMonth}`,
      gib * prices.backupRdsSnapshotGiBMonth,
    );
  };
  vault(region, primary);
  if (Object.keys(copy).length === 0) return;
  vault(env.config.dataProtection.dr.region, copy);
  const monthly = env.config.cost.usage.databaseChangedGiBPerDay * DAYS_PER_MONTH;
  add(
    'database',
    'AWS Backup cross-region copy transfer',
    `${monthly.toFixed(1)} GiB changed/month × $${prices.backupCrossRegionTransferGiB} (the first copy moves the full snapshot once)`,
    monthly * prices.backupCrossRegionTransferGiB,
  );
}

/** Runs per month of a five-field cron schedule (minute and hour lists or steps, every day). */
export function runsPerMonth(schedule: string): number {
  const [minute, hour] = schedule.trim().split(/\s+/);
  const count = (field: string, range: number) => {
    const step = /^\*\/(\d+)$/.exec(field);
    if (field === '*') return range;
    if (step) return Math.ceil(range / Number(step[1]));
    return field.split(',').length;
  };
  return count(minute, 60) * count(hour, 24) * DAYS_PER_MONTH;
}

/** The media copy: S3 storage (Standard until it turns cold, then Glacier IR), writes, transitions, the way out. */
function mediaCopyLines(env: SynthesizedEnvironment, add: AddLine): void {
  if (blocksOf(env.stack, ['aws_s3_bucket']).length === 0) return;
  const copy = env.config.dataProtection.mediaCopy;
  const usage = env.config.cost.usage;
  const hot = Math.min(
    usage.r2StorageGiB,
    usage.mediaNewGiBPerMonth * (copy.coldStorageAfterDays / DAYS_PER_MONTH),
  );
  add(
    'media',
    'S3 copy, Standard',
    `${hot.toFixed(1)} GiB not yet cold × $${prices.s3StandardGiBMonth}`,
    hot * prices.s3StandardGiBMonth,
  );
  const cold = usage.r2StorageGiB - hot;
  add(
    'media',
    'S3 copy, Glacier Instant Retrieval',
    `${cold.toFixed(1)} GiB × $${prices.s3GlacierIrGiBMonth}`,
    cold * prices.s3GlacierIrGiBMonth,
  );
  const runs = runsPerMonth(copy.schedule);
  const lists = (usage.mediaObjects / 1000) * runs;
  const writes = usage.mediaNewObjectsPerMonth + lists;
  add(
    'media',
    'S3 requests (copy job)',
    `(${usage.mediaNewObjectsPerMonth} PUT + ${Math.ceil(lists)} LIST over ${runs} runs) / 1000 × $${prices.s3WritePerThousand}`,
    (writes / 1000) * prices.s3WritePerThousand,
  );
  add(
    'media',
    'S3 transitions to Glacier IR',
    `${usage.mediaNewObjectsPerMonth} objects / 1000 × $${prices.s3GlacierIrTransitionPerThousand}`,
    (usage.mediaNewObjectsPerMonth / 1000) * prices.s3GlacierIrTransitionPerThousand,
  );
  add(
    'media',
    'NAT gateway processing (copy job, if the cluster egresses through NAT)',
    `${usage.mediaNewGiBPerMonth} GiB from R2 + ${usage.mediaNewGiBPerMonth} GiB to S3 × $${prices.natGatewayProcessingGiB}`,
    2 * usage.mediaNewGiBPerMonth * prices.natGatewayProcessingGiB,
  );
}

/** R2 operations the copy job adds per month: listings (class A) and reads of new objects (class B). */
function copyJobR2Operations(env: SynthesizedEnvironment): { classA: number; classB: number } {
  if (blocksOf(env.stack, ['kubernetes_cron_job_v1']).length === 0) return { classA: 0, classB: 0 };
  const usage = env.config.cost.usage;
  const runs = runsPerMonth(env.config.dataProtection.mediaCopy.schedule);
  return { classA: Math.ceil(usage.mediaObjects / 1000) * runs, classB: usage.mediaNewObjectsPerMonth };
}

/** Keys encrypting an S3 bucket are the media copy's; every other key protects the database. */
function keysByGroup(env: SynthesizedEnvironment): { database: number; media: number } {
  const encryption = JSON.stringify(
    blocksOf(env.stack, ['aws_s3_bucket_server_side_encryption_configuration']),
  );
  const keys = blocksOf(env.stack, ['aws_kms_key']).map(([address]) => address);
  const media = keys.filter((address) => encryption.includes(`\${${address}.`)).length;
  return { database: keys.length - media, media };
}

/** What the RDS automated-backups replication to dr.region would add (not enabled: see README, "Backups"). */
export function automatedBackupReplicationUsd(env: SynthesizedEnvironment): { usd: number; basis: string } {
  const { databaseSnapshotGiB: full, databaseChangedGiBPerDay: perDay } = env.config.cost.usage;
  const days = env.config.database.backupRetentionDays;
  const gib = full + perDay * days;
  const transfer = perDay * DAYS_PER_MONTH;
  return {
    usd: round(gib * prices.rdsReplicatedBackupGiBMonth + transfer * prices.backupCrossRegionTransferGiB),
    basis: `${gib.toFixed(1)} GiB × $${prices.rdsReplicatedBackupGiBMonth} + ${transfer.toFixed(1)} GiB/month × $${prices.backupCrossRegionTransferGiB}`,
  };
}

export function estimateCost(env: SynthesizedEnvironment): CostEstimate {
  const { stack, config } = env;
  const lines: CostLine[] = [];
  const notes: string[] = [];
  const add = (group: CostLine['group'], item: string, basis: string, usd: number) =>
    lines.push({ group, item, basis, usd: round(usd) });

  for (const [address, db] of blocksOf(stack, ['aws_db_instance'])) {
    const instanceClass = String(db.instance_class);
    const azs = db.multi_az === true ? 2 : 1;
    const hourly = rdsHourly[instanceClass];
    if (hourly === undefined) notes.push(`${address}: no price for ${instanceClass}`);
    else
      add(
        'database',
        `RDS ${instanceClass}${azs === 2 ? ' Multi-AZ' : ''}`,
        `${HOURS_PER_MONTH} h × $${hourly}${azs === 2 ? ' × 2' : ''}`,
        HOURS_PER_MONTH * hourly * azs,
      );
    const storage = Number(db.allocated_storage ?? 0);
    add(
      'database',
      'gp3 storage',
      `${storage} GiB × $${prices.rdsGp3GiBMonth}${azs === 2 ? ' × 2' : ''}`,
      storage * prices.rdsGp3GiBMonth * azs,
    );
    const piDays = Number(db.performance_insights_retention_period ?? 0);
    if (db.performance_insights_enabled === true && piDays > prices.performanceInsightsFreeDays) {
      notes.push(`${address}: Performance Insights retention of ${piDays} days is billed and not estimated`);
    }
    if (db.manage_master_user_password === true)
      add('database', 'Secrets Manager (master secret)', `1 × $${prices.secretMonth}`, prices.secretMonth);
    notes.push(
      'RDS backup storage up to the database size is free; T3 CPU credits beyond the baseline are not estimated',
    );
  }
  const keys = keysByGroup(env);
  if (keys.database > 0)
    add(
      'database',
      'KMS customer-managed keys',
      `${keys.database} × $${prices.kmsKeyMonth}`,
      keys.database * prices.kmsKeyMonth,
    );
  backupLines(env, add);
  if (blocksOf(stack, ['aws_cloudwatch_log_group']).length > 0) {
    const gib = config.cost.usage.databaseLogsGiBPerMonth;
    add(
      'database',
      'CloudWatch Logs ingestion',
      `${gib} GiB × $${prices.cloudWatchLogsIngestGiB} (assumed)`,
      gib * prices.cloudWatchLogsIngestGiB,
    );
  }

  if (blocksOf(stack, ['cloudflare_r2_bucket']).length > 0) {
    const copyJob = copyJobR2Operations(env);
    const { r2StorageGiB } = config.cost.usage;
    const r2ClassAOperationsPerMonth = config.cost.usage.r2ClassAOperationsPerMonth + copyJob.classA;
    const r2ClassBOperationsPerMonth = config.cost.usage.r2ClassBOperationsPerMonth + copyJob.classB;
    const storage = Math.max(0, r2StorageGiB - prices.r2FreeStorageGiB);
    add(
      'media',
      'R2 storage',
      `(${r2StorageGiB} − ${prices.r2FreeStorageGiB} free) GiB × $${prices.r2StorageGiBMonth}`,
      storage * prices.r2StorageGiBMonth,
    );
    const classA = Math.max(0, r2ClassAOperationsPerMonth / 1e6 - prices.r2FreeClassAMillions);
    add(
      'media',
      'R2 class A operations',
      `(${r2ClassAOperationsPerMonth / 1e6} − ${prices.r2FreeClassAMillions} free) M × $${prices.r2ClassAPerMillion}`,
      classA * prices.r2ClassAPerMillion,
    );
    const classB = Math.max(0, r2ClassBOperationsPerMonth / 1e6 - prices.r2FreeClassBMillions);
    add(
      'media',
      'R2 class B operations',
      `(${r2ClassBOperationsPerMonth / 1e6} − ${prices.r2FreeClassBMillions} free) M × $${prices.r2ClassBPerMillion}`,
      classB * prices.r2ClassBPerMillion,
    );
    notes.push("R2's free tier is per account: dev and prod share it; egress is free");
    if (copyJob.classA > 0)
      notes.push('R2 operations include the copy job: listings (class A) and reads of new objects');
  }
  mediaCopyLines(env, add);
  if (keys.media > 0)
    add(
      'media',
      'KMS key (copy bucket)',
      `${keys.media} × $${prices.kmsKeyMonth} (bucket key: request charges negligible)`,
      keys.media * prices.kmsKeyMonth,
    );

  const sum = (group: CostLine['group']) =>
    round(lines.filter((l) => l.group === group).reduce((s, l) => s + l.usd, 0));
  const databaseUsd = sum('database');
  return {
    lines,
    databaseUsd,
    mediaUsd: sum('media'),
    databaseBudgetUsd: config.cost.databaseBudgetUsdPerMonth,
    withinBudget: databaseUsd <= config.cost.databaseBudgetUsdPerMonth,
    notes: [...new Set(notes)],
  };
}

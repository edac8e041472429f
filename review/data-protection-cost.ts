/**
 * What data protection costs per month: AWS Backup's recovery points (in the region and, copied, in the DR region)
 * and their transfer, the media copy in AWS (S3 storage, requests, transitions, the job's traffic) and the R2
 * operations the copy job adds to its Cloudflare account. Read from the synthesized stack and the usage in config.
 */
import { blocksOf, get, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import type { Block } from '../synth/terraform-json';
import { prices } from './prices';

export const DAYS_PER_MONTH = 30;

/** Appends a line to an estimate. */
export type AddLine = (item: string, basis: string, usd: number) => void;

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
export function backupLines(env: SynthesizedEnvironment, add: AddLine): void {
  const [, plan] = blocksOf(env.stack, ['aws_backup_plan'])[0] ?? [];
  if (!plan) return;
  const { primary, copy } = planRetention(plan);
  const vault = (where: string, days: Record<string, number>) => {
    const gib = recoveryPointGiB(env, days.daily ?? 0, days.monthly ?? 0);
    add(
      `AWS Backup recovery points (${where})`,
      `${gib.toFixed(1)} GiB (daily ${days.daily ?? 0} d, monthly ${days.monthly ?? 0} d) × $${prices.backupRdsSnapshotGiBMonth}`,
      gib * prices.backupRdsSnapshotGiBMonth,
    );
  };
  vault(env.config.aws.region, primary);
  if (Object.keys(copy).length === 0) return;
  vault(env.config.dataProtection.dr.region, copy);
  const monthly = env.config.cost.usage.databaseChangedGiBPerDay * DAYS_PER_MONTH;
  add(
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

/** KMS keys encrypting an S3 bucket (the media copy's); every other key of the stack protects the database. */
export function keysEncryptingBuckets(env: SynthesizedEnvironment): { database: number; buckets: number } {
  const encryption = JSON.stringify(
    blocksOf(env.stack, ['aws_s3_bucket_server_side_encryption_configuration']),
  );
  const keys = blocksOf(env.stack, ['aws_kms_key']).map(([address]) => address);
  const buckets = keys.filter((address) => encryption.includes(`\${${address}.`)).length;
  return { database: keys.length - buckets, buckets };
}

/** The copy job's schedule, as synthesized (the stack, not config: a base is estimated with this PR's config). */
function copyJobSchedule(env: SynthesizedEnvironment): string | undefined {
  const [, job] = blocksOf(env.stack, ['kubernetes_cron_job_v1'])[0] ?? [];
  const schedule = get(job, 'spec', 'schedule');
  return typeof schedule === 'string' ? schedule : undefined;
}

/** Days until copied objects turn cold: the Glacier IR transition of the copy bucket's lifecycle, as synthesized. */
function coldAfterDays(env: SynthesizedEnvironment): number | undefined {
  const rules = blocksOf(env.stack, ['aws_s3_bucket_lifecycle_configuration']).flatMap(
    ([, block]) => (block.rule as Block[] | undefined) ?? [],
  );
  const transitions = rules.flatMap((r) => (r.transition as Block[] | undefined) ?? []);
  const days = transitions.find((t) => t.storage_class === 'GLACIER_IR')?.days;
  return typeof days === 'number' ? days : undefined;
}

/**
 * The media copy in AWS: S3 storage (Standard until it turns cold, then Glacier IR), writes, transitions, the way
 * out of the cluster, and the bucket's key.
 */
export function mediaCopyLines(env: SynthesizedEnvironment, add: AddLine): void {
  const schedule = copyJobSchedule(env);
  if (blocksOf(env.stack, ['aws_s3_bucket']).length === 0 || !schedule) return;
  const usage = env.config.cost.usage;
  const coldAfter = coldAfterDays(env) ?? Infinity;
  const hot = Math.min(usage.r2StorageGiB, usage.mediaNewGiBPerMonth * (coldAfter / DAYS_PER_MONTH));
  add(
    'S3 copy, Standard',
    `${hot.toFixed(1)} GiB not yet cold × $${prices.s3StandardGiBMonth}`,
    hot * prices.s3StandardGiBMonth,
  );
  const cold = usage.r2StorageGiB - hot;
  add(
    'S3 copy, Glacier Instant Retrieval',
    `${cold.toFixed(1)} GiB × $${prices.s3GlacierIrGiBMonth}`,
    cold * prices.s3GlacierIrGiBMonth,
  );
  const runs = runsPerMonth(schedule);
  const lists = (usage.mediaObjects / 1000) * runs;
  const writes = usage.mediaNewObjectsPerMonth + lists;
  add(
    'S3 requests (copy job)',
    `(${usage.mediaNewObjectsPerMonth} PUT + ${Math.ceil(lists)} LIST over ${runs} runs) / 1000 × $${prices.s3WritePerThousand}`,
    (writes / 1000) * prices.s3WritePerThousand,
  );
  add(
    'S3 transitions to Glacier IR',
    `${usage.mediaNewObjectsPerMonth} objects / 1000 × $${prices.s3GlacierIrTransitionPerThousand}`,
    (usage.mediaNewObjectsPerMonth / 1000) * prices.s3GlacierIrTransitionPerThousand,
  );
  add(
    'NAT gateway processing (copy job, if the cluster egresses through NAT)',
    `${usage.mediaNewGiBPerMonth} GiB from R2 + ${usage.mediaNewGiBPerMonth} GiB to S3 × $${prices.natGatewayProcessingGiB}`,
    2 * usage.mediaNewGiBPerMonth * prices.natGatewayProcessingGiB,
  );
  const keys = keysEncryptingBuckets(env).buckets;
  if (keys > 0)
    add(
      'KMS key (copy bucket)',
      `${keys} × $${prices.kmsKeyMonth} (bucket key: request charges negligible)`,
      keys * prices.kmsKeyMonth,
    );
}

/** R2 operations the copy job adds per month: listings (class A) and reads of new objects (class B). */
export function copyJobR2Operations(env: SynthesizedEnvironment): { classA: number; classB: number } {
  const schedule = copyJobSchedule(env);
  if (!schedule) return { classA: 0, classB: 0 };
  const usage = env.config.cost.usage;
  const runs = runsPerMonth(schedule);
  return { classA: Math.ceil(usage.mediaObjects / 1000) * runs, classB: usage.mediaNewObjectsPerMonth };
}

/** What the RDS automated-backups replication to dr.region would add (not enabled: see docs/backups.md). */
export function automatedBackupReplicationUsd(env: SynthesizedEnvironment): { usd: number; basis: string } {
  const { databaseSnapshotGiB: full, databaseChangedGiBPerDay: perDay } = env.config.cost.usage;
  const days = env.config.database.backupRetentionDays;
  const gib = full + perDay * days;
  const transfer = perDay * DAYS_PER_MONTH;
  const usd = gib * prices.rdsReplicatedBackupGiBMonth + transfer * prices.backupCrossRegionTransferGiB;
  return {
    usd: Math.round(usd * 100) / 100,
    basis: `${gib.toFixed(1)} GiB × $${prices.rdsReplicatedBackupGiBMonth} + ${transfer.toFixed(1)} GiB/month × $${prices.backupCrossRegionTransferGiB}`,
  };
}

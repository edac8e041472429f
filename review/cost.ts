/**
 * Monthly cost estimate, computed from the synthesized resources, the price table and the usage assumptions in
 * config: per environment the database with its backups and alarms (what the approved budget covers) and the media
 * copy in AWS; per Cloudflare account the media (R2), whose free tier is the account's, shared by every environment whose
 * bucket lives there.
 */
import { blocksOf, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import {
  backupLines,
  copyJobR2Operations,
  keysEncryptingBuckets,
  mediaCopyLines,
  type AddLine,
} from './data-protection-cost';
import { HOURS_PER_MONTH, prices, rdsHourly } from './prices';

export interface CostLine {
  readonly item: string;
  /** How the amount was computed, for the reader. */
  readonly basis: string;
  readonly usd: number;
}

export interface CostEstimate {
  /** The database, its keys, logs and backups: what the budget covers. */
  readonly lines: readonly CostLine[];
  readonly databaseUsd: number;
  readonly databaseBudgetUsd: number;
  readonly withinBudget: boolean;
  /** Things the estimate leaves out. */
  readonly notes: readonly string[];
  /** The media copy in AWS (S3, its key, the job's traffic): outside the database budget. */
  readonly mediaCopy: { readonly lines: readonly CostLine[]; readonly usd: number };
}

const round = (usd: number) => Math.round(usd * 100) / 100;
const sum = (lines: readonly CostLine[]) => round(lines.reduce((s, l) => s + l.usd, 0));

export function estimateCost(env: SynthesizedEnvironment): CostEstimate {
  const { stack, config } = env;
  const lines: CostLine[] = [];
  const notes: string[] = [];
  const adder =
    (to: CostLine[]): AddLine =>
    (item, basis, usd) =>
      to.push({ item, basis, usd: round(usd) });
  const add = adder(lines);

  for (const [address, db] of blocksOf(stack, ['aws_db_instance'])) {
    const instanceClass = String(db.instance_class);
    const azs = db.multi_az === true ? 2 : 1;
    const hourly = rdsHourly[instanceClass];
    if (hourly === undefined) notes.push(`${address}: no price for ${instanceClass}`);
    else
      add(
        `RDS ${instanceClass}${azs === 2 ? ' Multi-AZ' : ''}`,
        `${HOURS_PER_MONTH} h × $${hourly}${azs === 2 ? ' × 2' : ''}`,
        HOURS_PER_MONTH * hourly * azs,
      );
    const storage = Number(db.allocated_storage ?? 0);
    add(
      'gp3 storage',
      `${storage} GiB × $${prices.rdsGp3GiBMonth}${azs === 2 ? ' × 2' : ''}`,
      storage * prices.rdsGp3GiBMonth * azs,
    );
    const piDays = Number(db.performance_insights_retention_period ?? 0);
    if (db.performance_insights_enabled === true && piDays > prices.performanceInsightsFreeDays) {
      notes.push(`${address}: Performance Insights retention of ${piDays} days is billed and not estimated`);
    }
    if (db.manage_master_user_password === true)
      add('Secrets Manager (master secret)', `1 × $${prices.secretMonth}`, prices.secretMonth);
    notes.push(
      'RDS backup storage up to the database size is free; T3 CPU credits beyond the baseline are not estimated',
    );
  }
  const keys = keysEncryptingBuckets(env).database;
  if (keys > 0)
    add('KMS customer-managed keys', `${keys} × $${prices.kmsKeyMonth}`, keys * prices.kmsKeyMonth);
  backupLines(env, add);
  if (blocksOf(stack, ['aws_cloudwatch_log_group']).length > 0) {
    const gib = config.cost.usage.databaseLogsGiBPerMonth;
    add(
      'CloudWatch Logs ingestion',
      `${gib} GiB × $${prices.cloudWatchLogsIngestGiB} (assumed)`,
      gib * prices.cloudWatchLogsIngestGiB,
    );
  }

  lines.push(...alertingLines(env));
  if (blocksOf(stack, ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_dashboard']).length > 0)
    notes.push(
      "CloudWatch's free tier (10 alarm metrics, 3 dashboards) and SNS's (1,000 emails) are per account: dev and prod are separate accounts",
    );

  const mediaCopy: CostLine[] = [];
  mediaCopyLines(env, adder(mediaCopy));

  const databaseUsd = sum(lines);
  return {
    lines,
    databaseUsd,
    databaseBudgetUsd: config.cost.databaseBudgetUsdPerMonth,
    withinBudget: databaseUsd <= config.cost.databaseBudgetUsdPerMonth,
    notes: [...new Set(notes)],
    mediaCopy: { lines: mediaCopy, usd: sum(mediaCopy) },
  };
}

/** Alarms, dashboards and alert mail beyond the free tiers; an alarm watching one metric is one alarm metric. */
function alertingLines({ stack, config }: SynthesizedEnvironment): CostLine[] {
  const lines: CostLine[] = [];
  const alarms = blocksOf(stack, ['aws_cloudwatch_metric_alarm']).length;
  if (alarms > 0) {
    const billed = Math.max(0, alarms - prices.cloudWatchFreeAlarmMetrics);
    lines.push({
      item: 'CloudWatch alarms',
      basis: `(${alarms} − ${prices.cloudWatchFreeAlarmMetrics} free) × $${prices.cloudWatchAlarmMetricMonth}`,
      usd: round(billed * prices.cloudWatchAlarmMetricMonth),
    });
  }
  const dashboards = blocksOf(stack, ['aws_cloudwatch_dashboard']).length;
  if (dashboards > 0) {
    const billed = Math.max(0, dashboards - prices.cloudWatchFreeDashboards);
    lines.push({
      item: 'CloudWatch dashboards',
      basis: `(${dashboards} − ${prices.cloudWatchFreeDashboards} free) × $${prices.cloudWatchDashboardMonth}`,
      usd: round(billed * prices.cloudWatchDashboardMonth),
    });
  }
  const emails = blocksOf(stack, ['aws_sns_topic_subscription']).filter(
    ([, s]) => s.protocol === 'email',
  ).length;
  if (emails > 0) {
    const deliveries = emails * config.cost.usage.alertMessagesPerMonth;
    const billed = Math.max(0, deliveries - prices.snsFreeEmails);
    lines.push({
      item: 'SNS alert emails',
      basis: `(${emails} × ${config.cost.usage.alertMessagesPerMonth} − ${prices.snsFreeEmails} free) × $${prices.snsEmailPer100k}/100,000 (assumed)`,
      usd: round((billed / 100_000) * prices.snsEmailPer100k),
    });
  }
  return lines;
}

export interface MediaCost {
  /** The Cloudflare account whose free tier the buckets share. */
  readonly accountId: string;
  readonly environments: readonly string[];
  readonly lines: readonly { readonly item: string; readonly basis: string; readonly usd: number }[];
  readonly usd: number;
}

/**
 * R2 cost per Cloudflare account: the usage of every environment with a bucket in the account, summed with the
 * operations of each environment's media-copy job, minus the account's free tier once (it is per account, not per
 * bucket). Egress is free.
 */
export function estimateMediaCost(envs: readonly SynthesizedEnvironment[]): MediaCost[] {
  const accounts = new Map<string, SynthesizedEnvironment[]>();
  for (const env of envs) {
    for (const [, bucket] of blocksOf(env.stack, ['cloudflare_r2_bucket'])) {
      const account = String(bucket.account_id);
      accounts.set(account, [...(accounts.get(account) ?? []), env]);
    }
  }
  return [...accounts].map(([accountId, members]) => {
    const total = (pick: (u: SynthesizedEnvironment['config']['cost']['usage']) => number) =>
      members.reduce((s, e) => s + pick(e.config.cost.usage), 0);
    const copyJobs = members.map(copyJobR2Operations);
    const copied = (pick: (ops: { classA: number; classB: number }) => number) =>
      copyJobs.reduce((s, ops) => s + pick(ops), 0);
    const storage = total((u) => u.r2StorageGiB);
    const classA = (total((u) => u.r2ClassAOperationsPerMonth) + copied((o) => o.classA)) / 1e6;
    const classB = (total((u) => u.r2ClassBOperationsPerMonth) + copied((o) => o.classB)) / 1e6;
    const withJobs = copied((o) => o.classA + o.classB) > 0 ? ', copy jobs included' : '';
    const line = (item: string, used: number, free: number, unit: string, price: number, jobs = '') => ({
      item,
      basis: `(${round(used)} − ${free} free) ${unit} × $${price}${jobs}`,
      usd: round(Math.max(0, used - free) * price),
    });
    const lines = [
      line('R2 storage', storage, prices.r2FreeStorageGiB, 'GiB', prices.r2StorageGiBMonth),
      line(
        'R2 class A operations',
        classA,
        prices.r2FreeClassAMillions,
        'M',
        prices.r2ClassAPerMillion,
        withJobs,
      ),
      line(
        'R2 class B operations',
        classB,
        prices.r2FreeClassBMillions,
        'M',
        prices.r2ClassBPerMillion,
        withJobs,
      ),
    ];
    return {
      accountId,
      environments: members.map((e) => e.config.name),
      lines,
      usd: round(lines.reduce((s, l) => s + l.usd, 0)),
    };
  });
}

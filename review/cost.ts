/**
 * Monthly cost estimate of an environment, computed from its synthesized resources, the price table and the usage
 * assumptions in config. The database part is what the approved budget covers; media (R2) is shown separately.
 */
import { blocksOf, type SynthesizedEnvironment } from '../synth/synthesized-environment';
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
  const keys = blocksOf(stack, ['aws_kms_key']).length;
  if (keys > 0)
    add(
      'database',
      'KMS customer-managed keys',
      `${keys} × $${prices.kmsKeyMonth}`,
      keys * prices.kmsKeyMonth,
    );
  if (blocksOf(stack, ['aws_cloudwatch_log_group']).length > 0) {
    const gib = config.cost.usage.databaseLogsGiBPerMonth;
    add(
      'database',
      'CloudWatch Logs ingestion',
      `${gib} GiB × $${prices.cloudWatchLogsIngestGiB} (assumed)`,
      gib * prices.cloudWatchLogsIngestGiB,
    );
  }

  alertingLines(env).forEach((l) => add('database', l.item, l.basis, l.usd));
  if (blocksOf(stack, ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_dashboard']).length > 0)
    notes.push(
      "CloudWatch's free tier (10 alarm metrics, 3 dashboards) and SNS's (1,000 emails) are per account: dev and prod are separate accounts",
    );

  if (blocksOf(stack, ['cloudflare_r2_bucket']).length > 0) {
    const { r2StorageGiB, r2ClassAOperationsPerMonth, r2ClassBOperationsPerMonth } = config.cost.usage;
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
  }

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

/** Alarms, dashboards and alert mail beyond the free tiers; an alarm watching one metric is one alarm metric. */
function alertingLines({ stack, config }: SynthesizedEnvironment): Omit<CostLine, 'group'>[] {
  const lines: Omit<CostLine, 'group'>[] = [];
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

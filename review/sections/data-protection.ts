/**
 * Data protection of an environment: where the database's recovery points go and how long they are kept, what a
 * restore would take and cost, the media copy, and what it all costs per month. Read from the synthesized stack (what
 * will be deployed) and the usage assumptions in config. Shown when the change touches data protection (or the
 * database's backups and restore), and in an inventory.
 */
import { blocksOf, get, type SynthesizedEnvironment } from '../../synth/synthesized-environment';
import type { Block } from '../../synth/terraform-json';
import type { CostEstimate, CostLine } from '../cost';
import { automatedBackupReplicationUsd } from '../data-protection-cost';
import { bullet, code, table, text, usd } from '../markdown';
import { isChange, type PlannedChange } from '../planned-change';
import { HOURS_PER_MONTH, prices, rdsHourly } from '../prices';
import type { EnvironmentVerdict } from '../verdict';
import type { EnvironmentSection } from './section';

/**
 * Typical time until a restored RDS instance is available (creation, storage attach, first backup), observed for
 * instances under 100 GiB; AWS publishes no figure. A point in time adds the WAL replay since the last snapshot.
 */
const RESTORE_MINUTES = { snapshot: '20–40', pointInTime: '30–60' } as const;

/** Instance arguments that decide what a restore can reach and how. */
const BACKUP_ARGUMENTS = [
  'backup_retention_period',
  'backup_window',
  'restore_to_point_in_time',
  'snapshot_identifier',
];

function touchesDataProtection(change: PlannedChange): boolean {
  if (!isChange(change)) return false;
  if (/\.data_protection_/.test(change.address)) return true;
  return (
    change.type === 'aws_db_instance' &&
    (change.action !== 'update' || change.leaves.some((l) => BACKUP_ARGUMENTS.includes(String(l.path[0]))))
  );
}

function vaultLines(env: SynthesizedEnvironment): string[] {
  const [, plan] = blocksOf(env.stack, ['aws_backup_plan'])[0] ?? [];
  if (!plan) return [bullet('No AWS Backup plan: the only backups are RDS automated backups in the region.')];
  const { aws, dataProtection } = env.config;
  const lock = blocksOf(env.stack, ['aws_backup_vault_lock_configuration'])[0]?.[1];
  const lockText = !lock
    ? 'no vault lock'
    : lock.changeable_for_days !== undefined
      ? `a compliance lock (permanent after ${Number(lock.changeable_for_days)} days)`
      : 'a governance lock';
  const rows = ((plan.rule as Block[] | undefined) ?? []).map((rule) => {
    const copy = get(rule.copy_action, 'lifecycle', 'delete_after');
    return [
      `${text(String(rule.rule_name))} (${code(String(rule.schedule), { inTable: true })} UTC)`,
      `${code(aws.region, { inTable: true })}: ${Number(get(rule.lifecycle, 'delete_after'))} days`,
      copy === undefined ? '—' : `${code(dataProtection.dr.region, { inTable: true })}: ${Number(copy)} days`,
    ];
  });
  return [
    bullet(
      `AWS Backup plan ${code(String(plan.name))} selects the instance; vaults on customer-managed keys, ${lockText}.`,
    ),
    '',
    table(['recovery point', 'kept in the primary vault', 'copy kept in the DR vault'], rows),
    '',
  ];
}

function restoreLines(env: SynthesizedEnvironment): string[] {
  const { database: db, cost, dataProtection, aws } = env.config;
  const hourly = rdsHourly[db.instanceClass] ?? 0;
  const overlapDay = 24 * hourly + (db.allocatedStorageGiB * prices.rdsGp3GiBMonth * 24) / HOURS_PER_MONTH;
  const copyBack = cost.usage.databaseSnapshotGiB * prices.backupCrossRegionTransferGiB;
  const replication = automatedBackupReplicationUsd(env);
  const rules = (blocksOf(env.stack, ['aws_backup_plan'])[0]?.[1].rule as Block[] | undefined) ?? [];
  const fromDrVault = rules.some((r) => r.copy_action !== undefined)
    ? `; from the DR vault, copy it back to ${code(aws.region)} first (≈ ${usd(copyBack)} transfer for ` +
      `${cost.usage.databaseSnapshotGiB} GiB)`
    : '';
  return [
    bullet(
      `Point-in-time restore in ${code(aws.region)}: any second of the last ${db.backupRetentionDays} days (RDS ` +
        `automated backups); ${RESTORE_MINUTES.pointInTime} min until the new instance is available, then about 2 min ` +
        'for PgBouncer to roll.',
    ),
    ...(rules.length > 0
      ? [bullet(`Restore from a recovery point: ${RESTORE_MINUTES.snapshot} min${fromDrVault}.`)]
      : []),
    bullet(
      `Cost of a restore: the restored ${code(db.instanceClass)} runs beside the replaced one until that is retired, ` +
        `≈ ${usd(overlapDay)} per day of overlap.`,
    ),
    bullet(
      `RDS automated-backups replication to ${code(dataProtection.dr.region)} (point in time in the DR region) is ` +
        `not enabled: it would add ≈ ${usd(replication.usd)}/month (${text(replication.basis)}; WAL is usually larger ` +
        'than the changed blocks assumed here) for a regional-disaster RPO of minutes instead of one day.',
    ),
  ];
}

function mediaLines(env: SynthesizedEnvironment): string[] {
  const copy = env.config.dataProtection.mediaCopy;
  const [, job] = blocksOf(env.stack, ['kubernetes_cron_job_v1'])[0] ?? [];
  if (!job) return [bullet('No media copy: R2 holds the only copy of every file.')];
  return [
    bullet(
      `Media: ${code(String(get(job, 'spec', 'schedule')))} UTC rclone copies R2 ` +
        `${code(env.config.cloudflare.media.bucketName)} to S3 ${code(copy.bucketName)} (${code(env.config.aws.region)}, ` +
        `versioned, KMS, private, Glacier IR after ${copy.coldStorageAfterDays} days). Deleted files stay in the ` +
        `copy; overwritten ones stay recoverable ${copy.previousVersionRetentionDays} days. The job's R2 ` +
        "operations are counted in its Cloudflare account's R2 cost.",
    ),
    bullet(
      'No R2 bucket lock: a lock would make Payload fail to delete or replace media for the locked period; the copy ' +
        'in AWS covers deletes and overwrites instead.',
    ),
  ];
}

/** The cost lines that exist for data protection: the backups (within the database budget) and the media copy. */
export function protectionCost(cost: CostEstimate): { lines: CostLine[]; usd: number } {
  const lines = [...cost.lines.filter((l) => l.item.startsWith('AWS Backup')), ...cost.mediaCopy.lines];
  return { lines, usd: Math.round(lines.reduce((s, l) => s + l.usd, 0) * 100) / 100 };
}

function costLines(verdict: EnvironmentVerdict): string[] {
  const after = protectionCost(verdict.cost.after);
  const before = verdict.cost.before && protectionCost(verdict.cost.before);
  const was = before && before.usd !== after.usd ? ` (was ${usd(before.usd)})` : '';
  return [
    `Data protection costs ${usd(after.usd)}/month${was}: the AWS Backup lines count against the database budget.`,
    '',
    table(
      ['item', 'basis', 'USD/month'],
      after.lines.map((l) => [text(l.item), text(l.basis), usd(l.usd)]),
    ),
  ];
}

export const dataProtectionSection: EnvironmentSection = {
  id: 'data-protection',
  render(verdict) {
    if (verdict.status === 'unchanged') return undefined;
    if (verdict.status !== 'full' && !verdict.changes.changes.some(touchesDataProtection)) return undefined;
    const { env } = verdict;
    return {
      summary: `Data protection: where backups go, how long they are kept, what a restore takes — ${usd(protectionCost(verdict.cost.after).usd)}/month`,
      body: [...vaultLines(env), ...restoreLines(env), ...mediaLines(env), '', ...costLines(verdict)].join(
        '\n',
      ),
    };
  },
};

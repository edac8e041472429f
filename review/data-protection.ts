/**
 * The data-protection section of an environment's review: where the database's recovery points go and how long they
 * are kept, what a restore would take and cost, the media copy, what it all costs, and, in red, a restore in progress.
 * Markdown lines, read from the synthesized stack (what will be deployed) and the usage assumptions in config.
 */
import { blocksOf, get, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import type { Block } from '../synth/terraform-json';
import { automatedBackupReplicationUsd, estimateCost } from './cost';
import { HOURS_PER_MONTH, prices, rdsHourly } from './prices';
import { restoreWarning } from './restore';

const usd = (n: number) => `$${n.toFixed(2)}`;
/** Items of the cost estimate that exist for data protection. */
const PROTECTION_ITEMS = /^(AWS Backup|S3 |KMS key \(copy bucket\)|NAT gateway processing \(copy job)/;
/**
 * Typical time until a restored RDS instance is available (creation, storage attach, first backup), observed for
 * instances under 100 GiB; AWS publishes no figure. A point in time adds the WAL replay since the last snapshot.
 */
const RESTORE_MINUTES = { snapshot: [20, 40], pointInTime: [30, 60] } as const;

function vaultRows(env: SynthesizedEnvironment): string[] {
  const [, plan] = blocksOf(env.stack, ['aws_backup_plan'])[0] ?? [];
  if (!plan) return ['- No AWS Backup plan: the only backups are RDS automated backups in the region.'];
  const region = env.config.aws.region;
  const lock = blocksOf(env.stack, ['aws_backup_vault_lock_configuration'])[0]?.[1];
  const lockText = !lock
    ? 'no vault lock'
    : lock.changeable_for_days !== undefined
      ? `compliance lock (permanent after ${String(lock.changeable_for_days)} days)`
      : 'governance lock';
  const rules = (plan.rule as Block[]).map((rule) => {
    const copy = get(rule.copy_action, 'lifecycle', 'delete_after');
    return `| ${String(rule.rule_name)} (\`${String(rule.schedule)}\` UTC) | ${region}: ${String(get(rule.lifecycle, 'delete_after'))} days | ${copy === undefined ? '—' : `${env.config.dataProtection.dr.region}: ${String(copy)} days`} |`;
  });
  return [
    `- AWS Backup plan \`${String(plan.name)}\` selects the instance; vaults on customer-managed keys, ${lockText}.`,
    '',
    '| recovery point | kept in the primary vault | copy kept in the DR vault |',
    '| --- | --- | --- |',
    ...rules,
    '',
  ];
}

function restoreRows(env: SynthesizedEnvironment): string[] {
  const { database: db, cost, dataProtection } = env.config;
  const hourly = rdsHourly[db.instanceClass] ?? 0;
  const overlapDay = 24 * hourly + (db.allocatedStorageGiB * prices.rdsGp3GiBMonth * 24) / HOURS_PER_MONTH;
  const copyBack = cost.usage.databaseSnapshotGiB * prices.backupCrossRegionTransferGiB;
  const replication = automatedBackupReplicationUsd(env);
  return [
    `- Point-in-time restore in ${env.config.aws.region}: any second of the last ${db.backupRetentionDays} days (RDS automated backups); ${RESTORE_MINUTES.pointInTime.join('–')} min until the new instance is available, then about 2 min for PgBouncer to roll.`,
    `- Restore from a recovery point: ${RESTORE_MINUTES.snapshot.join('–')} min; from the DR vault, copy it back to ${env.config.aws.region} first (≈ ${usd(copyBack)} transfer for ${cost.usage.databaseSnapshotGiB} GiB).`,
    `- Cost of a restore: the restored ${db.instanceClass} runs beside the replaced one until that is retired, ≈ ${usd(overlapDay)} per day of overlap.`,
    `- RDS automated-backups replication to ${dataProtection.dr.region} (point in time in the DR region) is not enabled: it would add ≈ ${usd(replication.usd)}/month (${replication.basis}; WAL is usually larger than the changed blocks assumed here) for a regional-disaster RPO of minutes instead of one day.`,
  ];
}

function mediaRows(env: SynthesizedEnvironment): string[] {
  const copy = env.config.dataProtection.mediaCopy;
  const [, job] = blocksOf(env.stack, ['kubernetes_cron_job_v1'])[0] ?? [];
  if (!job) return ['- No media copy: R2 holds the only copy of every file.'];
  return [
    `- Media: \`${String(get(job, 'spec', 'schedule'))}\` UTC rclone copies R2 \`${env.config.cloudflare.media.bucketName}\` to S3 \`${copy.bucketName}\` (${env.config.aws.region}, versioned, KMS, private, Glacier IR after ${copy.coldStorageAfterDays} days). Deleted files stay in the copy; overwritten ones stay recoverable ${copy.previousVersionRetentionDays} days.`,
    '- No R2 bucket lock: a lock would make Payload fail to delete or replace media for the locked period; the copy in AWS covers deletes and overwrites instead.',
  ];
}

export function dataProtectionLines(env: SynthesizedEnvironment): string[] {
  const restores = blocksOf(env.stack, ['aws_db_instance']).flatMap(
    ([address, block]) => restoreWarning(address, block, env.config.database.restore?.replaces) ?? [],
  );
  const cost = estimateCost(env).lines.filter((l) => PROTECTION_ITEMS.test(l.item));
  const total = cost.reduce((sum, l) => sum + l.usd, 0);
  return [
    `### Data protection: ${usd(total)}/month`,
    '',
    ...restores,
    ...(restores.length > 0 ? [''] : []),
    ...vaultRows(env),
    ...restoreRows(env),
    ...mediaRows(env),
    '',
    '| item | basis | USD/month |',
    '| --- | --- | --- |',
    ...cost.map((l) => `| ${l.item} | ${l.basis.replace(/\|/g, '\\|')} | ${usd(l.usd)} |`),
  ];
}

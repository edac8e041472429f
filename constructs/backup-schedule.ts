/**
 * When AWS Backup snapshots the database: one hour after the RDS backup window ends, so the two never run at once
 * (AWS Backup does not start an RDS snapshot while the instance is in its backup or maintenance window).
 */
import { parseBackupWindow } from '../environments/rules/windows';

/** Minutes AWS Backup may wait to start a job, and to finish it. */
export const START_WINDOW_MINUTES = 60;
export const COMPLETION_WINDOW_MINUTES = 180;

/** The UTC hour AWS Backup starts, derived from the RDS backup window (`hh:mm-hh:mm`). */
export function backupStartHour(backupWindow: string): number {
  const window = parseBackupWindow(backupWindow);
  if (!window) throw new Error(`not an RDS backup window: ${backupWindow}`);
  return (Math.ceil(window.end / 60) + 1) % 24;
}

/** AWS Backup cron expressions (six fields, UTC) of the daily and monthly rules. */
export function backupSchedules(backupWindow: string): { readonly daily: string; readonly monthly: string } {
  const hour = backupStartHour(backupWindow);
  return { daily: `cron(0 ${hour} ? * * *)`, monthly: `cron(0 ${hour} 1 * ? *)` };
}

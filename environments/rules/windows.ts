/**
 * RDS backup (daily, `hh:mm-hh:mm`) and maintenance (weekly, `ddd:hh:mm-ddd:hh:mm`) windows, in UTC.
 * RDS requires both to be at least 30 minutes long and not to overlap.
 */

const DAY = 1440; // minutes
const WEEK = 10080; // minutes

/** A half-open interval of minutes; `end` may exceed the period when the window wraps around. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

function clock(text: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function span(start: number, end: number, period: number): Interval {
  return { start, end: end > start ? end : end + period };
}

export function parseBackupWindow(text: string): Interval | undefined {
  const parts = text.split('-');
  if (parts.length !== 2) return undefined;
  const [start, end] = parts.map(clock);
  return start === undefined || end === undefined ? undefined : span(start, end, DAY);
}

export function parseMaintenanceWindow(text: string): Interval | undefined {
  const m = /^([a-z]{3}):(\d\d:\d\d)-([a-z]{3}):(\d\d:\d\d)$/.exec(text);
  if (!m) return undefined;
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const [startDay, endDay] = [days.indexOf(m[1]), days.indexOf(m[3])];
  const [startClock, endClock] = [clock(m[2]), clock(m[4])];
  if (startDay < 0 || endDay < 0 || startClock === undefined || endClock === undefined) return undefined;
  return span(startDay * DAY + startClock, endDay * DAY + endClock, WEEK);
}

export const minutes = (i: Interval): number => i.end - i.start;

/** True when the daily backup window meets the weekly maintenance window on any day of the week. */
export function windowsOverlap(backup: Interval, maintenance: Interval): boolean {
  for (let day = -1; day <= 7; day++) {
    const b = { start: backup.start + day * DAY, end: backup.end + day * DAY };
    for (const shift of [-WEEK, 0, WEEK]) {
      if (b.start < maintenance.end + shift && maintenance.start + shift < b.end) return true;
    }
  }
  return false;
}

/**
 * Cron schedules as a Kubernetes CronJob reads them (five numeric fields, UTC): a value out of its field's range
 * (`61 2 * * *`) is refused here, not at apply time by the API server.
 */

/** [lowest, highest] of minute, hour, day of month, month, day of week (0 and 7 are Sunday). */
const FIELD_RANGES: readonly (readonly [number, number])[] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

export const CRON_SCHEDULE =
  'five cron fields in UTC (minute 0–59, hour 0–23, day of month 1–31, month 1–12, day of week 0–7), each `*`, a number, a range a-b, a list, or a step /n, e.g. "17 2 * * *"';

const inRange = (text: string, [low, high]: readonly [number, number]) =>
  /^\d+$/.test(text) && Number(text) >= low && Number(text) <= high;

/** One comma-separated item: `*`, `n` or `a-b`, optionally followed by `/step`. */
function isItem(item: string, range: readonly [number, number]): boolean {
  const [base, step, ...rest] = item.split('/');
  if (rest.length > 0 || (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1))) return false;
  if (base === '*') return true;
  const [from, to, ...more] = base.split('-');
  if (more.length > 0 || !inRange(from, range)) return false;
  return to === undefined ? true : inRange(to, range) && Number(from) <= Number(to);
}

export function isCronSchedule(schedule: unknown): boolean {
  if (typeof schedule !== 'string') return false;
  const fields = schedule.trim().split(/\s+/);
  return (
    fields.length === FIELD_RANGES.length &&
    fields.every((field, i) => field.split(',').every((item) => isItem(item, FIELD_RANGES[i])))
  );
}

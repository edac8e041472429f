/**
 * One line of a verdict: what happens to a resource, how bad it is, in the report's own words (Markdown, values
 * already in code spans).
 */
export type Severity = 'blocked' | 'data-loss' | 'outage' | 'caution' | 'info';

export interface Note {
  readonly severity: Severity;
  readonly address: string;
  readonly text: string;
}

export const severityIcon: Readonly<Record<Severity, string>> = {
  blocked: '⛔',
  'data-loss': '🔴',
  outage: '🟠',
  caution: '🟡',
  info: 'ℹ️',
};

const order: readonly Severity[] = ['blocked', 'data-loss', 'outage', 'caution', 'info'];

export const bySeverity = (a: Note, b: Note): number =>
  order.indexOf(a.severity) - order.indexOf(b.severity) || a.address.localeCompare(b.address);

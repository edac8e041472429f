/**
 * One line of a verdict: what happens to a resource, how bad it is and, for an outage or a loss, how long a user of
 * the platform lives with it — in the report's own words (Markdown, values already in code spans).
 */
/** `restart`: pods restart, by themselves or by hand; `caution`: anything else a reviewer must weigh. */
export type Severity = 'blocked' | 'data-loss' | 'outage' | 'caution' | 'restart' | 'info';

/** How long a user of the platform lives with an outcome, longest first. */
export const LASTING = [
  'permanent',
  'until someone acts',
  'minutes in the maintenance window',
  'minutes at deploy',
  'seconds',
] as const;
export type Lasting = (typeof LASTING)[number];

export interface Note {
  readonly severity: Severity;
  readonly address: string;
  readonly text: string;
  /** How long users live with it (outcomes users notice: losses and outages). */
  readonly lasts?: Lasting;
}

export const severityIcon: Readonly<Record<Severity, string>> = {
  blocked: '⛔',
  'data-loss': '🔴',
  outage: '🟠',
  caution: '🟡',
  restart: '🔁',
  info: 'ℹ️',
};

const order: readonly Severity[] = ['blocked', 'data-loss', 'outage', 'caution', 'restart', 'info'];

const lastingRank = (n: Note) => (n.lasts ? LASTING.indexOf(n.lasts) : LASTING.length);

/** Worst first: by severity, then by how long it lasts, then by address. */
export const bySeverity = (a: Note, b: Note): number =>
  order.indexOf(a.severity) - order.indexOf(b.severity) ||
  lastingRank(a) - lastingRank(b) ||
  a.address.localeCompare(b.address);

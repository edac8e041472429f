/**
 * The worst thing in a change, for its heading: the worst of every outcome its verdict lists — the notes (data
 * loss, outage, cautions, restarts), the policy gate (an unwaived failing rule fails `npm test`), the budget and
 * plain replacements. A heading is never milder than a line below it. The order is the issue's: data loss, outage,
 * policy failure, over budget, replacement, restart; a caution (a dropped role, a removed backup plan) sits above a
 * plain replacement.
 */
import { bySeverity, severityIcon, type Lasting, type Note, type Severity } from './note';
import type { EnvironmentVerdict } from './verdict';

/** Every kind of outcome a verdict lists, worst first, with the label the verdict and the heading both use. */
export const OUTCOME_KINDS = [
  { kind: 'blocked', icon: severityIcon.blocked, label: 'the plan fails' },
  { kind: 'data-loss', icon: severityIcon['data-loss'], label: 'data loss' },
  { kind: 'outage', icon: severityIcon.outage, label: 'outage' },
  { kind: 'policy', icon: '❌', label: 'policy failure' },
  { kind: 'over-budget', icon: '💸', label: 'over budget' },
  { kind: 'caution', icon: severityIcon.caution, label: 'caution' },
  { kind: 'replacement', icon: severityIcon.info, label: 'replacement' },
  { kind: 'restart', icon: severityIcon.restart, label: 'restart' },
] as const;

export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

const kindOf = (kind: OutcomeKind['kind']): OutcomeKind => OUTCOME_KINDS.find((k) => k.kind === kind)!;

/** A note's kind; `info` notes are no outcome of their own. */
export const noteKind = (severity: Severity): OutcomeKind | undefined =>
  severity === 'info' ? undefined : kindOf(severity);

/** `outage, until someone acts`: the label of a kind and, for a note, how long it lasts. */
export const outcomeLabel = (kind: OutcomeKind, lasts?: Lasting): string =>
  lasts ? `${kind.label}, ${lasts}` : kind.label;

/** The database cost is over its budget and no waiver covers it. */
export function overBudget(v: EnvironmentVerdict): boolean {
  const waived = v.findings.some((f) => f.rule.id === 'LW-COST-001' && f.waiver);
  return !v.env.stackName && !v.cost.after.withinBudget && !waived;
}

export interface Worst {
  readonly kind: OutcomeKind;
  readonly lasts?: Lasting;
}

/** The worst outcome the verdict of `v` lists, or undefined when it lists none. */
export function worstOutcome(v: EnvironmentVerdict): Worst | undefined {
  const notes: Note[] = [...v.dangers, ...v.timing, ...v.rollout].sort(bySeverity);
  const candidates: Worst[] = [
    ...notes.flatMap((n) => {
      const kind = noteKind(n.severity);
      return kind ? [{ kind, ...(n.lasts ? { lasts: n.lasts } : {}) }] : [];
    }),
    ...(v.failing.length > 0 ? [{ kind: kindOf('policy') }] : []),
    ...(overBudget(v) ? [{ kind: kindOf('over-budget') }] : []),
    ...(v.counts.replace > 0 ? [{ kind: kindOf('replacement') }] : []),
  ];
  const rank = (w: Worst) => OUTCOME_KINDS.indexOf(w.kind);
  // Stable: of one kind, the notes come sorted by how long they last.
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * Report sections: everything after the verdict is a section, folded under its summary or left out when the change
 * does not touch it. A section is a function of the verdicts and knows nothing of the others.
 *
 * To add one (e.g. an alarms table, per-service variables): write a file here exporting an
 * `EnvironmentSection` (rendered under each environment) or a `ReportSection` (rendered once, after the
 * environments), return `undefined` when it has nothing to say for this change (`isTouched` helps), and add it to
 * the list in sections/index.ts. The verdict (verdict.ts) and its rendering (report.ts) need no change; a section
 * whose finding must reach the verdict (e.g. a restore test flagged red) adds a `Note` source to verdict.ts instead.
 */
import type { EnvironmentVerdict } from '../verdict';
import { isChange } from '../planned-change';

export interface FoldedSection {
  /** The `<summary>` line: the section's own wording, no config values. */
  readonly summary: string;
  readonly body: string;
}

export interface EnvironmentSection {
  readonly id: string;
  render(verdict: EnvironmentVerdict): FoldedSection | undefined;
}

export interface ReportSection {
  readonly id: string;
  render(verdicts: readonly EnvironmentVerdict[]): FoldedSection | undefined;
}

/** Whether the change touches any resource whose address matches (always true for an inventory). */
export function isTouched(
  verdict: EnvironmentVerdict,
  matches: (address: string) => boolean = () => true,
): boolean {
  if (verdict.status === 'full') return true;
  return verdict.changes.changes.some((c) => isChange(c) && matches(c.address));
}

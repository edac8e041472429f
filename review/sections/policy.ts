/** Policy results: unwaived failures first, then the waivers in force, and waivers nothing needs any more. */
import { formatFinding, unusedWaivers } from '../../policy/evaluate';
import { bullet, code, text } from '../markdown';
import type { EnvironmentSection } from './section';

export const policySection: EnvironmentSection = {
  id: 'policy',
  render(verdict) {
    if (verdict.status === 'unchanged') return undefined;
    const count = (outcome: string) => verdict.findings.filter((f) => f.outcome === outcome).length;
    const waived = verdict.findings.filter((f) => f.outcome === 'waived');
    // Waivers belong to the environment's own stack; a bootstrap stack judged with them uses none.
    const unused = verdict.env.stackName ? [] : unusedWaivers(verdict.env, verdict.findings);
    const lines = [
      ...verdict.failing.map(({ finding, isNew }) =>
        bullet(`❌ ${text(formatFinding(finding))}${isNew ? ' **(new)**' : ''}`),
      ),
      ...waived.map((f) =>
        bullet(
          `➖ waived until ${code(f.waiver?.expires ?? '?')}: ${text(formatFinding(f))} — ${text(f.waiver?.reason ?? '')}`,
        ),
      ),
      ...unused.map((w) => bullet(`🧹 unused waiver of ${code(w.rule)}: the rule passes now; remove it`)),
    ];
    return {
      summary: `Policy: ${count('pass')} pass, ${count('fail')} fail, ${count('waived')} waived, ${count('not-applicable')} not applicable`,
      body: lines.length > 0 ? lines.join('\n') : 'Every applicable rule passes.',
    };
  },
};

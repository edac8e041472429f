/** The environment's diagram, with the parts the change touches marked. */
import { diagram, diagramNodeOf, type DiagramNode } from '../diagram';
import { isChange } from '../planned-change';
import type { EnvironmentSection } from './section';

export const diagramSection: EnvironmentSection = {
  id: 'diagram',
  render(verdict) {
    const changed = new Set(
      verdict.changes.changes
        .filter(isChange)
        .map((c) => diagramNodeOf(c.address, verdict.env))
        .filter((n): n is DiagramNode => !!n),
    );
    if (verdict.status === 'unchanged') return undefined;
    return {
      summary: changed.size > 0 ? 'Diagram (changed parts marked ✎)' : 'Diagram',
      body: ['```mermaid', diagram(verdict.env, changed), '```'].join('\n'),
    };
  },
};

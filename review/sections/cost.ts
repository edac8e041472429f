/** The database cost, line by line, before and after the change, and what the estimate leaves out. */
import { bullet, table, text, usd } from '../markdown';
import type { EnvironmentSection } from './section';

export const costSection: EnvironmentSection = {
  id: 'cost',
  render(verdict) {
    const { before, after } = verdict.cost;
    const changed = !before || JSON.stringify(before.lines) !== JSON.stringify(after.lines);
    if (verdict.status === 'unchanged' || (verdict.status === 'changed' && !changed)) return undefined;
    const items = [...new Set([...(before?.lines ?? []), ...after.lines].map((l) => l.item))];
    const rows = items.map((item) => {
      const [b, a] = [before?.lines.find((l) => l.item === item), after.lines.find((l) => l.item === item)];
      return [
        text(item),
        text((a ?? b)!.basis),
        ...(before ? [b ? usd(b.usd) : '—'] : []),
        a ? usd(a.usd) : '—',
      ];
    });
    const header = ['item', 'basis', ...(before ? ['base USD/month'] : []), 'USD/month'];
    return {
      summary: `Database cost: ${usd(after.databaseUsd)}/month against a budget of ${usd(after.databaseBudgetUsd)}`,
      body: [table(header, rows), '', ...after.notes.map((n) => bullet(text(n)))].join('\n'),
    };
  },
};

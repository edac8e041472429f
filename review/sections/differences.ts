/** The key settings that differ between environments, and only those. */
import { keySettings } from '../key-settings';
import { code, table, truncate } from '../markdown';
import type { ReportSection } from './section';

export const differencesSection: ReportSection = {
  id: 'differences',
  render(verdicts) {
    if (verdicts.length < 2 || verdicts.every((v) => v.status === 'unchanged')) return undefined;
    const settings = verdicts.map((v) => new Map(keySettings(v.env)));
    const rows = [...settings[0].keys()]
      .map((name) => [name, ...settings.map((s) => s.get(name) ?? '—')])
      .filter((row) => new Set(row.slice(1)).size > 1)
      .map(([name, ...values]) => [name, ...values.map((v) => code(truncate(v, 40), { inTable: true }))]);
    return {
      summary: `Differences between ${verdicts.map((v) => v.env.config.name).join(' and ')}`,
      body: table(['setting', ...verdicts.map((v) => v.env.config.name)], rows),
    };
  },
};

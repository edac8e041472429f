/** The settings a reviewer checks first, with the base's value beside any that the change moves. */
import { keySettings } from '../key-settings';
import { code, table, truncate } from '../markdown';
import type { EnvironmentSection } from './section';

const cell = (value: string, max = 90) => code(truncate(value, max), { inTable: true });

export const keySettingsSection: EnvironmentSection = {
  id: 'key-settings',
  render(verdict) {
    if (verdict.status === 'unchanged') return undefined;
    const now = keySettings(verdict.env);
    let before: Map<string, string> | undefined;
    try {
      before = verdict.base
        ? new Map(keySettings({ config: verdict.env.config, stack: verdict.base }))
        : undefined;
    } catch {
      before = undefined; // a base these readers cannot read: show today's values only
    }
    const moved = now.filter(([name, value]) => before?.has(name) && before.get(name) !== value);
    const rows = now.map(([name, value]) => {
      const was = before?.get(name);
      return [
        name,
        was !== undefined && was !== value ? `${cell(value, 60)} (was ${cell(was, 40)})` : cell(value),
      ];
    });
    return {
      summary: `Key settings${moved.length > 0 ? ` (${moved.length} changed)` : ''}`,
      body: table(['setting', 'value'], rows),
    };
  },
};

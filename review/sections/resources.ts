/** The resources of an environment by layer: for an inventory or a new environment, where everything is listed. */
import { addresses } from '../../synth/terraform-json';
import { layerNames, layerOf } from '../layers';
import { bullet, code } from '../markdown';
import type { EnvironmentSection } from './section';

/** `aws_kms_key ×1, aws_db_instance ×1` for a list of addresses. */
function typeCounts(list: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const a of list) {
    const type = a.split('.').slice(0, -1).join('.');
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].map(([type, n]) => `${code(type)} ×${n}`).join(', ');
}

export const resourcesSection: EnvironmentSection = {
  id: 'resources',
  render(verdict) {
    if (verdict.status !== 'full' && verdict.status !== 'new') return undefined;
    const { stack } = verdict.env;
    const all = [...addresses(stack.resource), ...addresses(stack.data).map((a) => `data.${a}`)];
    const rows = layerNames
      .map((layer) => [layer, all.filter((a) => layerOf(a) === layer)] as const)
      .filter(([, list]) => list.length > 0)
      .map(([layer, list]) => bullet(`**${layer}** (${list.length}): ${typeCounts(list)}`));
    return { summary: `Resources by layer (${all.length})`, body: rows.join('\n') };
  },
};

/**
 * One layer's slice of an AWS part (review/terraform/aws-part.ts): the resources and data sources whose construct
 * path starts at the layer (`<layer>_…` names), with the providers and the moves that reach them. Offline plans that
 * prove something about one layer plan only it: fewer resources for the provider to plan.
 */
import type { TerraformJson } from '../../synth/terraform-json';

export function layerPart(part: TerraformJson, layer: string): TerraformJson {
  const ofLayer = (name: string) => name.startsWith(`${layer}_`);
  const keep = <T>(byType: Record<string, Record<string, T>> = {}) =>
    Object.fromEntries(
      Object.entries(byType)
        .map(([type, byName]) => [
          type,
          Object.fromEntries(Object.entries(byName).filter(([n]) => ofLayer(n))),
        ])
        .filter(([, byName]) => Object.keys(byName).length > 0),
    );
  const moved = ((part.moved ?? []) as { to: string }[]).filter((m) => ofLayer(m.to.split('.')[1] ?? ''));
  return {
    terraform: part.terraform,
    provider: part.provider,
    resource: keep(part.resource),
    data: keep(part.data),
    ...(moved.length > 0 ? { moved } : {}),
  };
}

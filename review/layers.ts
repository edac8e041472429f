/**
 * Which layer a Terraform address belongs to, from the construct path its name is built from.
 */
const layers: readonly [string, string][] = [
  ['database_access_', 'database access'],
  ['data_protection_', 'data protection'],
  ['database_', 'database'],
  ['cluster_', 'cluster'],
  ['media_', 'media'],
  ['cdn_', 'cdn'],
  ['observability_', 'observability'],
];

export const layerNames = [...layers.map(([, name]) => name), 'stack'];

export function layerOf(address: string): string {
  const name = address.split('.').slice(-1)[0];
  return layers.find(([prefix]) => name.startsWith(prefix))?.[1] ?? 'stack';
}

/**
 * An environment from its tier and its own values: the tier's shape, the environment's values written on top, then
 * the products' roles, schemas, namespaces and apps worked out from its `products` entries. The result is the whole
 * resolved EnvironmentConfig the layers read (`npm run config -- <name>` prints it).
 */
import type { EnvironmentConfig } from './config';
import { products } from './products';
import { resolveProducts, type ProductGuardrails } from './products/resolve';
import type { EnvironmentValues } from './tiers/environment-values';
import { mergeValues } from './tiers/merge';
import type { Tier } from './tiers/tier';

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** `env` with its products' parts worked out (again) from `products`, `productSizes` and its platform namespace. */
export function deriveProducts(env: EnvironmentConfig, guardrails: ProductGuardrails): EnvironmentConfig {
  const resolved = resolveProducts(products, env.products, env.productSizes, guardrails);
  return {
    ...env,
    products: resolved.entries,
    databaseAccess: { ...env.databaseAccess, roles: resolved.roles, schemas: resolved.schemas },
    cluster: {
      ...env.cluster,
      namespaces: [...resolved.namespaces, structuredClone(env.cluster.platformNamespace)].sort(byName),
      apps: resolved.apps,
    },
  };
}

export function defineEnvironment(tier: Tier, values: EnvironmentValues): EnvironmentConfig {
  const merged = mergeValues(tier.shape(values), values) as EnvironmentConfig;
  return deriveProducts(merged, tier.productGuardrails);
}

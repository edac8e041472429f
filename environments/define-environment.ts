/**
 * An environment from its tier and its own values: the tier's shape, the environment's values written on top, then
 * the products' roles, schemas, namespaces and apps worked out from its `products` entries. The result is the whole
 * resolved EnvironmentConfig the layers read (`npm run config -- <name>` prints it).
 */
import type { EnvironmentConfig } from './config';
import { valueAtField } from './field-path';
import { products } from './products';
import { resolveProducts, type ProductGuardrails } from './products/resolve';
import type { EnvironmentValues } from './tiers/environment-values';
import { mergeValues } from './tiers/merge';
import type { Tier } from './tiers/tier';

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Fields an environment file must not write: its tier is the one it is built from, and the products' parts are
 * derived from `products` (written there, they would be replaced without a word).
 */
export const NOT_WRITTEN_BY_AN_ENVIRONMENT: Readonly<Record<string, string>> = {
  tier: 'the name of the tier the environment is built from (defineEnvironment(<tier>, …)), never written over',
  'databaseAccess.roles': "derived from products: a product's role is declared in environments/products/",
  'databaseAccess.schemas': "derived from products: a product's schema is declared in environments/products/",
  'cluster.namespaces': 'derived from products and cluster.platformNamespace',
  'cluster.apps':
    'derived from products: an app is declared in environments/products/, launched in products.<key>',
};

const writtenOver = new WeakMap<EnvironmentConfig, readonly string[]>();

/** The fields of NOT_WRITTEN_BY_AN_ENVIRONMENT that `env`'s file wrote (validation refuses each). */
export const fieldsWrittenOverDerived = (env: EnvironmentConfig): readonly string[] =>
  writtenOver.get(env) ?? [];

/** `env` with its products' parts worked out (again) from `products`, `productSizes` and its platform namespace. */
export function deriveProducts(env: EnvironmentConfig, guardrails: ProductGuardrails): EnvironmentConfig {
  const resolved = resolveProducts(products, env.products, env.productSizes, guardrails);
  return {
    ...env,
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
  // Its own copy of everything (tiers and declarations are shared), its tier's name whatever was written.
  const env = structuredClone(deriveProducts({ ...merged, tier: tier.name }, tier.productGuardrails));
  writtenOver.set(
    env,
    Object.keys(NOT_WRITTEN_BY_AN_ENVIRONMENT).filter((path) => valueAtField(values, path) !== undefined),
  );
  return env;
}

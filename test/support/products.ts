/**
 * Product variants of a registered environment: the one config change a launch is (`products.<key>.status: 'live'`),
 * with the products' roles, schemas, namespaces and apps derived again as define-environment.ts derives them.
 */
import type { EnvironmentConfig } from '../../environments/config';
import { deriveProducts } from '../../environments/define-environment';
import type { ProductEnvironmentConfig } from '../../environments/parts/products';
import { tiers } from '../../environments/tiers';
import { withChange, type Writable } from './with-change';

/** `env` with the products `keys` launched. */
export function withLaunched(env: EnvironmentConfig, keys: readonly string[]): EnvironmentConfig {
  const changed = withChange(env, (e) => {
    for (const key of keys)
      (e.products as Record<string, ProductEnvironmentConfig>)[key] = { status: 'live' };
  });
  return deriveProducts(changed, tiers[env.tier].productGuardrails);
}

/** The products reserved in `env`, in registry order. */
export const reservedIn = (env: EnvironmentConfig): string[] =>
  Object.entries(env.products).flatMap(([key, p]) => (p.status === 'reserved' ? [key] : []));

/** `env` changed by `change` (its `products` entries or `productSizes`), its products' parts derived again. */
export function withProductChange(
  env: EnvironmentConfig,
  change: (copy: Writable<EnvironmentConfig>) => void,
): EnvironmentConfig {
  return deriveProducts(withChange(env, change), tiers[env.tier].productGuardrails);
}

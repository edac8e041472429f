/**
 * Product variants of a registered environment: the one config change a launch is (`products.<key>.status: 'live'`),
 * with the products' roles, schemas, namespaces and apps derived again as define-environment.ts derives them.
 */
import type { EnvironmentConfig } from '../../environments/config';
import { deriveProducts } from '../../environments/define-environment';
import type { ProductEnvironmentConfig } from '../../environments/parts/products';
import { tiers } from '../../environments/tiers';
import { validateEnvironments } from '../../environments/validate';
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

/** Whether `env` still validates with product `key` launched (its budget has room for one more product). */
export function hasRoomFor(
  env: EnvironmentConfig,
  key: string,
  registry: readonly EnvironmentConfig[],
): boolean {
  const launched = withLaunched(env, [key]);
  return validateEnvironments(registry.map((e) => (e.name === env.name ? launched : e))).length === 0;
}

/**
 * Each product reserved somewhere, with the first registered environment that has room to launch it, or undefined
 * when none has.
 */
export function launchTargets(
  registry: readonly EnvironmentConfig[],
): (readonly [key: string, env: EnvironmentConfig | undefined])[] {
  const keys = [...new Set(registry.flatMap(reservedIn))];
  return keys.map(
    (key) =>
      [key, registry.find((e) => reservedIn(e).includes(key) && hasRoomFor(e, key, registry))] as const,
  );
}

/**
 * Rules for an environment's `products` entries: each names a registered product, says whether it is live here, and
 * a reserved one says nothing more (sizes or settings it would ignore are refused, never dropped). Sizes and settings
 * of a live product are judged where they end up (its role, namespace and app) and reported back on the entry.
 */
import { products } from '../products';
import type { EnvironmentRule } from '../validation';

const STATUSES = ['live', 'reserved'];

export const productRules: readonly EnvironmentRule[] = [
  ({ products: entries }, c) => {
    const registered = products.map((p) => p.key);
    for (const [key, entry] of Object.entries(entries)) {
      const at = `products.${key}`;
      if (
        !c.check(
          at,
          key,
          registered.includes(key),
          `a registered product (${registered.join(', ')}): declare a new one in environments/products/ first`,
        )
      )
        continue;
      c.check(`${at}.status`, entry.status, STATUSES.includes(entry.status), STATUSES.join(' or '));
      if (entry.status !== 'reserved') continue;
      for (const field of Object.keys(entry).filter((k) => k !== 'status')) {
        c.check(
          `${at}.${field}`,
          (entry as unknown as Record<string, unknown>)[field],
          false,
          "nothing but `status` while the product is reserved (it has no login, namespace or Secret to take it); set status 'live' to launch it",
        );
      }
    }
  },
];

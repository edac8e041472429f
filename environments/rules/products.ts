/**
 * Rules for an environment's `products` entries: one per registered product, each saying whether it is live here; a
 * reserved one says nothing more (sizes or settings it would ignore are refused, never dropped). Sizes and settings
 * of a live product are judged where they end up (its role, namespace and app) and reported back on the entry.
 */
import { fieldsWrittenOverDerived, NOT_WRITTEN_BY_AN_ENVIRONMENT } from '../define-environment';
import { products } from '../products';
import type { EnvironmentRule } from '../validation';

const STATUSES = ['live', 'reserved'];

export const productRules: readonly EnvironmentRule[] = [
  // Whether a product runs here is never implied: a lost line would delete its namespace and Secret.
  ({ products: entries }, c) => {
    for (const { key } of products.filter((p) => !(p.key in entries)))
      c.check(
        `products.${key}`,
        undefined,
        false,
        `an entry for every registered product: { status: 'reserved' } or { status: 'live' }`,
      );
  },
  (env, c) => {
    for (const field of fieldsWrittenOverDerived(env))
      c.check(
        field,
        field,
        false,
        `nothing here in an environment file: ${NOT_WRITTEN_BY_AN_ENVIRONMENT[field]}`,
      );
  },
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

/**
 * Configuration of the products in one environment: which registered product (environments/products/) is live there,
 * and the sizes and settings each live product gets. Everything else about a product is declared once, in its file.
 */
import type { ResourceQuotaConfig } from './cluster';

/**
 * `reserved`: its schema exists, owned by its role, which cannot log in (no password, pool, namespace or Secret).
 * `live`: the role logs in through PgBouncer, and the product gets its namespace, pools, cache user, Secret and flows.
 */
export type ProductStatus = 'live' | 'reserved';

/** What every live product of the environment gets, unless its own entry says otherwise. */
export interface ProductSizes {
  /** Server connections its login role may hold (`CONNECTION LIMIT`): at least its pools on every PgBouncer replica. */
  readonly connectionLimit: number;
  /** Statements running longer are cancelled (`statement_timeout`, ms). */
  readonly statementTimeoutMs: number;
  /** The ResourceQuota of its namespace. */
  readonly quota: ResourceQuotaConfig;
}

export interface ProductEnvironmentConfig extends Partial<ProductSizes> {
  readonly status: ProductStatus;
  /**
   * Plain, non-secret values of the product's contract `config` variables (its contract in environments/products/),
   * by variable name: exactly those the contract lists. @default - none
   */
  readonly settings?: Readonly<Record<string, string>>;
}

/**
 * What an environment file writes: only what is its own (account and network ids, names, sizes, budget, recipients,
 * its waivers), at the same paths as in the resolved EnvironmentConfig. Its tier (environments/tiers/) writes the
 * rest; an environment may also write any other field to replace its tier's value there (never `tier`, nor what is
 * derived from `products`: rules/products.ts refuses those, rules/tier-guards.ts any guard weaker than its tier's).
 */
import type { AwsTarget, EnvironmentConfig, NetworkConfig } from '../config';
import type { PgBouncerConfig, ResourceQuotaConfig } from '../parts/cluster';
import type { DatabaseConfig, DatabaseParameters } from '../parts/database';
import type { DatabaseConnectionConfig } from '../parts/database-access';
import type { CdnConfig, MediaConfig } from '../parts/media';
import type { MediaCopyConfig } from '../parts/data-protection';
import type { AlertRecipients } from '../parts/observability';
import type { DeliveryConfig } from '../parts/delivery';
import type { RedisConfig } from '../parts/redis';
import type { ProductEnvironmentConfig, ProductSizes } from '../parts/products';
import type { CostConfig, PolicyWaiver } from '../parts/review';
import type { Overrides } from './merge';

export interface OwnValues {
  readonly name: string;
  readonly aws: AwsTarget;
  readonly network: NetworkConfig;
  readonly database: Pick<
    DatabaseConfig,
    'instanceClass' | 'allocatedStorageGiB' | 'maxAllocatedStorageGiB'
  > & {
    readonly parameters: Pick<DatabaseParameters, 'maxConnections'>;
  };
  /** The local port of the operator's tunnel to this environment's database. */
  readonly databaseAccess: { readonly connection: Pick<DatabaseConnectionConfig, 'port'> };
  /** Every product live here (the others are reserved), with its settings and any size of its own. */
  readonly products: Readonly<Record<string, ProductEnvironmentConfig>>;
  readonly productSizes: ProductSizes;
  readonly cluster: {
    readonly oidcIssuerUrl: string;
    readonly platformNamespace: { readonly quota: ResourceQuotaConfig };
    readonly pgbouncer: Pick<
      PgBouncerConfig,
      'replicas' | 'defaultPoolSize' | 'reservePoolSize' | 'maxClientConnections' | 'connectionHeadroom'
    >;
    readonly redis: Pick<RedisConfig, 'maxMemory' | 'resources'>;
  };
  readonly cloudflare: {
    readonly media: Pick<MediaConfig, 'bucketName' | 'corsOrigins'>;
    readonly cdn: Pick<CdnConfig, 'domain'>;
  };
  readonly dataProtection: { readonly mediaCopy: Pick<MediaCopyConfig, 'bucketName'> };
  readonly observability: { readonly recipients: Pick<AlertRecipients, 'emails'> };
  readonly delivery: Pick<DeliveryConfig, 'databaseTunnelInstanceId'>;
  /** Its tier's waivers (`<tier>.waivers`) and its own. */
  readonly policyWaivers: readonly PolicyWaiver[];
  /** Its approved database budget; the usage assumptions are its tier's unless it writes its own. */
  readonly cost: Pick<CostConfig, 'databaseBudgetUsdPerMonth'>;
}

/** An environment file's values: its own, and any tier value it replaces. */
export type EnvironmentValues = OwnValues & Overrides<Omit<EnvironmentConfig, 'tier'>>;

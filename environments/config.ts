/**
 * The typed configuration of one environment.
 *
 * Every value a reviewer cares about lives here, is read-only, and is checked by `validate.ts` before anything is
 * synthesized. Layers receive their slice of this object; nothing else feeds them.
 */
import type { ClusterConfig } from './parts/cluster';
import type { DatabaseConfig } from './parts/database';
import type { DatabaseAccessConfig } from './parts/database-access';
import type { DataProtectionConfig } from './parts/data-protection';
import type { DeliveryConfig } from './parts/delivery';
import type { CloudflareConfig } from './parts/media';
import type { ObservabilityConfig } from './parts/observability';
import type { ProductEnvironmentConfig, ProductSizes } from './parts/products';
import type { CostConfig, PolicyWaiver } from './parts/review';

/** How much protection the environment's data stores get. */
export type EnvironmentTier = 'development' | 'production';

export interface AwsTarget {
  /** The 12-digit account the environment deploys into; the AWS provider refuses any other account. */
  readonly accountId: string;
  /** The region, e.g. `us-east-1`. */
  readonly region: string;
}

export interface StateBackend {
  /**
   * S3 bucket holding Terraform state, created by the account's bootstrap stack. One bucket per account: environments
   * sharing it share the account; no other account may name it.
   */
  readonly bucket: string;
  /** Object key of this environment's state; must differ between environments. */
  readonly key: string;
  /** Region of the state bucket. */
  readonly region: string;
  /** Alias of the customer-managed key encrypting the bucket, e.g. `alias/lightwave-tfstate`. */
  readonly kmsKeyAlias: string;
  /** Days a replaced state version is kept before it expires (recovery window after a bad apply). */
  readonly noncurrentVersionExpirationDays: number;
}

export interface NetworkConfig {
  /** The pre-existing VPC the database and the EKS cluster live in. */
  readonly vpcId: string;
  /** The VPC's IPv4 CIDR: no NetworkPolicy peer may cover it (LW-K8S-011). */
  readonly vpcCidr: string;
  /** Private subnets for the DB subnet group: at least two, in different availability zones. */
  readonly privateSubnetIds: readonly string[];
  /**
   * The IPv4 CIDRs of `privateSubnetIds`, where the database's address lies (it moves between them on failover):
   * the only destinations of PgBouncer's and the Postgres exporter's database port. Each inside the VPC, narrower.
   */
  readonly databaseSubnetCidrs: readonly string[];
  /**
   * The IPv4 CIDRs of the subnets the load balancer's nodes live in: the only sources of the applications' HTTP
   * ingress (with the VPC CNI every pod has a VPC address, so the VPC CIDR would admit every pod). Each inside the
   * VPC, narrower.
   */
  readonly loadBalancerSubnetCidrs: readonly string[];
  /** Security group of the EKS cluster's nodes/pods: the only source allowed to reach the database. */
  readonly clusterSecurityGroupId: string;
}

export interface EnvironmentConfig {
  /** Environment name; also the name of its Terraform stack (`cdktf deploy <name>`). */
  readonly name: string;
  /** `production` turns on every guard against data loss (deletion protection, prevent_destroy, long backups). */
  readonly tier: EnvironmentTier;
  readonly aws: AwsTarget;
  readonly state: StateBackend;
  /** Tags put on every AWS resource through the provider's default tags. */
  readonly tags: Readonly<Record<string, string>>;
  readonly network: NetworkConfig;
  readonly database: DatabaseConfig;
  /**
   * Every registered product (environments/products/) by key: live or reserved here, with the sizes and settings of
   * a live one. The products' roles, schemas, namespaces and apps below are derived from it.
   */
  readonly products: Readonly<Record<string, ProductEnvironmentConfig>>;
  /** What every live product gets unless its entry in `products` says otherwise. */
  readonly productSizes: ProductSizes;
  readonly databaseAccess: DatabaseAccessConfig;
  readonly cluster: ClusterConfig;
  /** R2 media bucket and CDN domain; the provider's token comes from CLOUDFLARE_API_TOKEN, never from here. */
  readonly cloudflare: CloudflareConfig;
  /** Backups of the database off the region, and the second copy of the media. */
  readonly dataProtection: DataProtectionConfig;
  /** Alarms, their recipients, the exporters and what scrapes them. */
  readonly observability: ObservabilityConfig;
  /** GitHub repository, deploy branch and GitHub Environment, and the plan and deploy roles of the bootstrap stack. */
  readonly delivery: DeliveryConfig;
  /** Accepted exceptions to the policy rules (policy/), each with a reason and an expiry date. */
  readonly policyWaivers: readonly PolicyWaiver[];
  readonly cost: CostConfig;
}

/**
 * Configuration of the cluster layer: what lives in the pre-existing EKS cluster.
 */
import type { RedisConfig } from './redis';

export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

export interface PodSecurityConfig {
  /** Pods violating this level are rejected. */
  readonly enforce: PodSecurityLevel;
  /** Violations of this level are returned as warnings to the client (kubectl, CI). */
  readonly warn: PodSecurityLevel;
  /** Violations of this level are recorded in the audit log. */
  readonly audit: PodSecurityLevel;
  /** Pod Security Standards version the levels refer to: `latest` or a Kubernetes minor such as `v1.31`. */
  readonly version: string;
}

/** CPU and memory as Kubernetes quantities (`500m`, `2`, `256Mi`, `1Gi`). */
export interface ComputeQuantities {
  readonly cpu: string;
  readonly memory: string;
}

export interface ResourceQuotaConfig {
  readonly requests: ComputeQuantities;
  readonly limits: ComputeQuantities;
  readonly pods: number;
}

/** Per-container bounds and defaults (containers that set nothing get `defaultRequest` and `default`). */
export interface LimitRangeConfig {
  readonly min: ComputeQuantities;
  readonly defaultRequest: ComputeQuantities;
  readonly default: ComputeQuantities;
  readonly max: ComputeQuantities;
}

export interface NamespaceConfig {
  readonly name: string;
  /** What runs there, as an annotation for whoever runs `kubectl describe namespace`. */
  readonly purpose: string;
  readonly podSecurity: PodSecurityConfig;
  readonly quota: ResourceQuotaConfig;
  readonly limitRange: LimitRangeConfig;
}

/** An application namespace's traffic that its NetworkPolicies allow beyond DNS and PgBouncer. */
export interface AppConfig {
  readonly namespace: string;
  /** The login role the application connects as (through PgBouncer). */
  readonly databaseRole: string;
  /**
   * Labels every pod of the application carries, web servers and workers alike (Celery, queue consumers): the
   * policies to PgBouncer, Redis, other apps and HTTPS egress select them.
   */
  readonly podLabels: Readonly<Record<string, string>>;
  /** Labels only the pods serving `httpPort` add to `podLabels`: ingress (load balancer, other apps) reaches them alone. */
  readonly serverPodLabels: Readonly<Record<string, string>>;
  /** Port the application serves HTTP on. */
  readonly httpPort: number;
  /** Name of the Service the application's own deployment puts in front of `httpPort` (in-cluster callers use it). */
  readonly serviceName: string;
  /** CIDRs the application may call over HTTPS (443), e.g. Cloudflare's ranges for R2; none covering the VPC. */
  readonly httpsEgressCidrs: readonly string[];
  /**
   * Plain, non-secret values of the application contract's `config` variables (contract/services.ts), by variable
   * name: exactly those the contract lists, no more.
   */
  readonly settings: Readonly<Record<string, string>>;
}

export interface PgBouncerImage {
  /** Registry and repository, e.g. `ghcr.io/icoretech/pgbouncer-docker`. */
  readonly repository: string;
  /** An exact version tag; never `latest`. */
  readonly tag: string;
  /** `sha256:<64 hex>` to pin the image by content. @default - none: pinned by tag only */
  readonly digest?: string;
}

export interface PgBouncerConfig {
  /** Namespace PgBouncer runs in. */
  readonly namespace: string;
  /** PgBouncer version the image runs; the pgbouncer.ini renderer writes what this version understands. */
  readonly version: string;
  readonly image: PgBouncerImage;
  readonly replicas: number;
  /** PodDisruptionBudget: pods that must stay up during voluntary disruptions (< replicas). */
  readonly minAvailable: number;
  /** Server connections per (database, user) pool, per replica. */
  readonly defaultPoolSize: number;
  /** Extra server connections a pool may open when clients wait longer than `reservePoolTimeoutSeconds`. */
  readonly reservePoolSize: number;
  /**
   * Server connections per user, per replica, of the session path: database `<name>_session` with session pooling,
   * for what transaction pooling cannot carry (LISTEN, migrations, long maintenance). Counted in the budget.
   */
  readonly sessionPoolSize: number;
  readonly reservePoolTimeoutSeconds: number;
  /** Client connections one replica accepts; the next one is refused at once ("no more connections allowed"). */
  readonly maxClientConnections: number;
  /**
   * Seconds a client may wait for a server connection (pool saturated, database restarting) before PgBouncer
   * disconnects it with `query_wait_timeout`: a clear, bounded failure instead of a hanging request. Keep it below the
   * applications' request timeouts and above `reservePoolTimeoutSeconds`.
   */
  readonly queryWaitTimeoutSeconds: number;
  /**
   * Seconds a stopping PgBouncer pod (rollout, node drain) keeps serving the clients it has after leaving the Service.
   * The applications' connection max age is derived from it (drain − the role's statement timeout) and handed to
   * them in their secrets, so every client leaves, with its transaction finished, before the pod is killed.
   */
  readonly drainSeconds: number;
  /** TLS to RDS: `require`, or `verify-full` with `serverTlsCaBundle`. */
  readonly serverTlsSslMode: 'require' | 'verify-full';
  /** PEM bundle of the RDS certificate authorities, needed for `verify-full`. @default - none */
  readonly serverTlsCaBundle?: string;
  /**
   * Server connections kept free for operators and migrations when checking the budget (the monitoring role is
   * budgeted on its own, at its connection limit).
   */
  readonly connectionHeadroom: number;
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
  /** UID/GID the container runs as (non-root, ≥ 10000). */
  readonly runAsUser: number;
}

export interface ClusterConfig {
  /** Name of the pre-existing EKS cluster (looked up at plan time for the kubernetes provider). */
  readonly eksClusterName: string;
  /**
   * The cluster's OIDC issuer (`aws eks describe-cluster --query cluster.identity.oidc.issuer`), registered as an IAM
   * OIDC provider: IAM roles for service accounts trust it.
   */
  readonly oidcIssuerUrl: string;
  /** The namespace of the platform's own workloads (PgBouncer, Redis, exporters, the media copy job). */
  readonly platformNamespace: NamespaceConfig;
  /**
   * Every namespace, sorted by name: `platformNamespace` and each live product's (derived from `products`, with its
   * tier's guardrails and its quota).
   */
  readonly namespaces: readonly NamespaceConfig[];
  readonly pgbouncer: PgBouncerConfig;
  readonly redis: RedisConfig;
  /**
   * The live products' applications, by product key (their Redis user and key prefix), derived from `products`; each
   * product's contract says what its Secret holds and which other application's API it calls. Every layer loops over
   * these: an application listed here gets its namespace's flows, its pools and its Secret.
   */
  readonly apps: Readonly<Record<string, AppConfig>>;
}

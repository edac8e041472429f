/**
 * Configuration of the Redis cache in `shared`: the applications' response cache (Django caches Payload's API
 * responses there). A cache, not a store: no persistence, evicts when full, may start empty at any time.
 */
import type { RedisServer } from '../../charts/redis/config';
import type { ComputeQuantities } from './cluster';

/** Eviction policies that keep a full cache writable: every key may be evicted, with or without a TTL. */
export type RedisEvictionPolicy = 'allkeys-lru' | 'allkeys-lfu' | 'allkeys-random';

export interface RedisImage {
  /** Registry and repository, e.g. `docker.io/valkey/valkey`. */
  readonly repository: string;
  /** An exact version tag of `version`, e.g. `8.1.11-alpine`; never `latest`. */
  readonly tag: string;
  /** `sha256:<64 hex>` to pin the image by content. @default - none: pinned by tag only */
  readonly digest?: string;
}

export interface RedisConfig {
  /** Namespace Redis runs in (enforcing the restricted Pod Security Standard). */
  readonly namespace: string;
  /** The server the image runs: Redis, or Valkey (BSD-3-Clause; Redis 7.4 and later are RSALv2/SSPL/AGPLv3). */
  readonly server: RedisServer;
  /** Server version the image runs; redis.conf and the ACL file are rendered for it (7.0 or newer). */
  readonly version: string;
  readonly image: RedisImage;
  /** Memory Redis may hold for data (`maxmemory`), a Kubernetes quantity; at most 75% of the container's limit. */
  readonly maxMemory: string;
  /** What Redis evicts when `maxMemory` is reached. */
  readonly evictionPolicy: RedisEvictionPolicy;
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
  /** UID/GID the container runs as (non-root, ≥ 10000). */
  readonly runAsUser: number;
}

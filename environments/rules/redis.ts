/**
 * Rules for the Redis cache: a pinned image of the version its config is rendered for, in a restricted namespace,
 * with a memory ceiling that leaves the container room for Redis's own overhead, an eviction policy that keeps a full
 * cache writable, and resources within the namespace's limit range (its quota: namespace-quota.ts).
 */
import { atLeast, parseVersion } from '../../charts/pgbouncer/ini';
import { MINIMUM_REDIS_VERSION, REDIS_SERVERS } from '../../charts/redis/config';
import { parseQuantity } from '../../constructs/k8s-quantity';
import type { EnvironmentRule } from '../validation';
import { atMost, parsed, quantities, withinLimitRange } from './cluster';
import { isIntegerIn, matches } from './formats';

/** maxmemory counts data only; fragmentation, client buffers and the process itself need the rest of the limit. */
export const REDIS_MAX_MEMORY_SHARE = 0.75;
const MiB = 2 ** 20;

export const redisRules: readonly EnvironmentRule[] = [
  ({ cluster: { redis, namespaces } }, c) => {
    c.check(
      'cluster.redis.server',
      redis.server,
      REDIS_SERVERS.includes(redis.server),
      `${REDIS_SERVERS.join(' | ')}: the server the image runs (its executable is <server>-server)`,
    );
    const versionOk = c.check(
      'cluster.redis.version',
      redis.version,
      parseVersion(redis.version) !== undefined && atLeast(redis.version, MINIMUM_REDIS_VERSION),
      `an exact server version x.y.z, ${MINIMUM_REDIS_VERSION} or newer (ACL files as rendered need 7.0)`,
    );
    c.check(
      'cluster.redis.image.repository',
      redis.image.repository,
      matches(redis.image.repository, /^[a-z0-9][a-z0-9._\/-]*[a-z0-9]$/),
      'an image repository such as docker.io/valkey/valkey',
    );
    const tagOk = c.check(
      'cluster.redis.image.tag',
      redis.image.tag,
      matches(redis.image.tag, /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/) && redis.image.tag !== 'latest',
      'an exact version tag (never latest), e.g. 8.1.11-alpine',
    );
    if (versionOk && tagOk) {
      c.check(
        'cluster.redis.image.tag',
        redis.image.tag,
        redis.image.tag === redis.version || redis.image.tag.startsWith(`${redis.version}-`),
        `a tag of ${redis.version} (cluster.redis.version), which redis.conf is rendered for`,
      );
    }
    if (redis.image.digest !== undefined) {
      c.check(
        'cluster.redis.image.digest',
        redis.image.digest,
        matches(redis.image.digest, /^sha256:[0-9a-f]{64}$/),
        'sha256:<64 hex digits>, the digest of the image tag',
      );
    }
    const home = namespaces.find((n) => n.name === redis.namespace);
    c.check(
      'cluster.redis.namespace',
      redis.namespace,
      home?.podSecurity.enforce === 'restricted',
      `a declared namespace enforcing the restricted Pod Security Standard (${namespaces.map((n) => n.name).join(', ')})`,
    );
    c.check(
      'cluster.redis.runAsUser',
      redis.runAsUser,
      isIntegerIn(redis.runAsUser, 10000, 2147483647),
      'a non-root UID ≥ 10000',
    );
    const evictionPolicies = ['allkeys-lru', 'allkeys-lfu', 'allkeys-random'];
    c.check(
      'cluster.redis.evictionPolicy',
      redis.evictionPolicy,
      evictionPolicies.includes(redis.evictionPolicy),
      `${evictionPolicies.join(' | ')}: a full cache must evict, not refuse writes`,
    );
  },
  ({ cluster: { redis } }, c) => {
    const requests = quantities(c, 'cluster.redis.resources.requests', redis.resources.requests);
    const limits = quantities(c, 'cluster.redis.resources.limits', redis.resources.limits);
    atMost(
      c,
      'cluster.redis.resources.limits',
      requests,
      limits,
      redis.resources.limits,
      (r) => `at least the request (${redis.resources.requests[r]})`,
    );
    const maxMemory = parseQuantity(redis.maxMemory);
    if (
      !c.check(
        'cluster.redis.maxMemory',
        redis.maxMemory,
        (maxMemory ?? 0) >= MiB,
        'a Kubernetes memory quantity of at least 1Mi, e.g. 192Mi',
      )
    )
      return;
    if (!limits) return;
    const ceiling = Math.floor(limits.memory * REDIS_MAX_MEMORY_SHARE);
    c.check(
      'cluster.redis.maxMemory',
      redis.maxMemory,
      (maxMemory as number) <= ceiling,
      `at most ${REDIS_MAX_MEMORY_SHARE * 100}% of the container's memory limit ${redis.resources.limits.memory} (${Math.floor(ceiling / MiB)}Mi): Redis needs the rest beyond its data, or the kernel kills it before it evicts`,
    );
  },
  ({ cluster: { redis, namespaces } }, c) => {
    const home = namespaces.find((n) => n.name === redis.namespace);
    if (!home || !parsed(redis.resources.requests) || !parsed(redis.resources.limits)) return;
    withinLimitRange(c, 'cluster.redis.resources', redis.resources, home); // its quota: rules/namespace-quota.ts
  },
];

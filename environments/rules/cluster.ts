/**
 * Rules for the cluster layer: Kubernetes names and quantities, quotas that fit their limit ranges, a PgBouncer
 * that is pinned, schedulable, disruption-safe, and whose pools fit the database's connections.
 */
import { MINIMUM_PGBOUNCER_VERSION, atLeast, parseVersion } from '../../charts/pgbouncer/ini';
import { parseQuantity } from '../../constructs/k8s-quantity';
import type { ComputeQuantities, NamespaceConfig, PodSecurityLevel } from '../parts/cluster';
import type { Checker, EnvironmentRule } from '../validation';
import { duplicates, isDnsLabel, isIntegerIn, isIpv4Cidr, isLabel, matches } from './formats';

export type Compute = { cpu: number; memory: number };

/** A cpu/memory pair in base units, or undefined when either is not a quantity. */
export function parsed(q: ComputeQuantities): Compute | undefined {
  const [cpu, memory] = [parseQuantity(q.cpu), parseQuantity(q.memory)];
  return cpu !== undefined && memory !== undefined ? { cpu, memory } : undefined;
}

/** Checks both quantities of a cpu/memory pair; returns them parsed when both are valid. */
export function quantities(c: Checker, field: string, q: ComputeQuantities): Compute | undefined {
  const allowed = 'a Kubernetes quantity such as 500m, 2, 256Mi or 1Gi';
  c.check(`${field}.cpu`, q.cpu, (parseQuantity(q.cpu) ?? 0) > 0, allowed);
  c.check(`${field}.memory`, q.memory, (parseQuantity(q.memory) ?? 0) > 0, allowed);
  return parsed(q);
}

/** `low` ≤ `high` for cpu and memory, reported on `field` of the high side. */
export function atMost(
  c: Checker,
  field: string,
  low: Compute | undefined,
  high: Compute | undefined,
  shown: ComputeQuantities,
  allowed: (r: 'cpu' | 'memory') => string,
): void {
  if (!low || !high) return;
  for (const r of ['cpu', 'memory'] as const)
    c.check(`${field}.${r}`, shown[r], low[r] <= high[r], allowed(r));
}

/** A workload's requests at least the namespace's limit-range minimum, its limits at most the maximum. */
export function withinLimitRange(
  c: Checker,
  field: string,
  resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities },
  home: NamespaceConfig,
): void {
  const { min, max } = home.limitRange;
  atMost(
    c,
    `${field}.requests`,
    parsed(min),
    parsed(resources.requests),
    resources.requests,
    (r) => `at least the ${home.name} limit range minimum (${min[r]})`,
  );
  atMost(
    c,
    `${field}.limits`,
    parsed(resources.limits),
    parsed(max),
    resources.limits,
    (r) => `at most the ${home.name} limit range maximum (${max[r]})`,
  );
}

export const clusterRules: readonly EnvironmentRule[] = [
  ({ cluster }, c) => {
    c.check(
      'cluster.eksClusterName',
      cluster.eksClusterName,
      matches(cluster.eksClusterName, /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/),
      'an EKS cluster name (1–100 letters, digits, hyphens, underscores)',
    );
    const levels: PodSecurityLevel[] = ['privileged', 'baseline', 'restricted']; // least strict first
    cluster.namespaces.forEach((ns, i) => {
      c.check(
        `cluster.namespaces[${i}].name`,
        ns.name,
        isDnsLabel(ns.name),
        'a DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters',
      );
      const psa = ns.podSecurity;
      for (const mode of ['enforce', 'warn', 'audit'] as const) {
        c.check(
          `cluster.namespaces[${i}].podSecurity.${mode}`,
          psa[mode],
          levels.includes(psa[mode]),
          levels.join(' | '),
        );
      }
      for (const mode of ['warn', 'audit'] as const) {
        c.check(
          `cluster.namespaces[${i}].podSecurity.${mode}`,
          psa[mode],
          levels.indexOf(psa[mode]) >= levels.indexOf(psa.enforce),
          `a level at least as strict as enforce (${psa.enforce})`,
        );
      }
      c.check(
        `cluster.namespaces[${i}].podSecurity.version`,
        psa.version,
        matches(psa.version, /^(latest|v1\.\d{1,2})$/),
        'latest or a Kubernetes minor such as v1.31',
      );
    });
    for (const name of duplicates(cluster.namespaces.map((n) => n.name)))
      c.check('cluster.namespaces', name, false, 'each namespace declared once');
  },
  ({ cluster }, c) => {
    cluster.namespaces.forEach((ns, i) => {
      const at = `cluster.namespaces[${i}]`;
      const quotaRequests = quantities(c, `${at}.quota.requests`, ns.quota.requests);
      const quotaLimits = quantities(c, `${at}.quota.limits`, ns.quota.limits);
      c.check(
        `${at}.quota.pods`,
        ns.quota.pods,
        isIntegerIn(ns.quota.pods, 1, 1000),
        'an integer from 1 to 1000',
      );
      const lr = ns.limitRange;
      const min = quantities(c, `${at}.limitRange.min`, lr.min);
      const defaultRequest = quantities(c, `${at}.limitRange.defaultRequest`, lr.defaultRequest);
      const defaultLimit = quantities(c, `${at}.limitRange.default`, lr.default);
      const max = quantities(c, `${at}.limitRange.max`, lr.max);
      atMost(
        c,
        `${at}.limitRange.defaultRequest`,
        min,
        defaultRequest,
        lr.defaultRequest,
        (r) => `at least limitRange.min.${r} (${lr.min[r]})`,
      );
      atMost(
        c,
        `${at}.limitRange.default`,
        defaultRequest,
        defaultLimit,
        lr.default,
        (r) => `at least limitRange.defaultRequest.${r} (${lr.defaultRequest[r]})`,
      );
      atMost(
        c,
        `${at}.limitRange.max`,
        defaultLimit,
        max,
        lr.max,
        (r) => `at least limitRange.default.${r} (${lr.default[r]})`,
      );
      // A quota below the limit range would refuse even one container at its defaults or maximum.
      atMost(
        c,
        `${at}.quota.requests`,
        defaultRequest,
        quotaRequests,
        ns.quota.requests,
        (r) => `at least limitRange.defaultRequest.${r} (${lr.defaultRequest[r]})`,
      );
      atMost(
        c,
        `${at}.quota.limits`,
        max,
        quotaLimits,
        ns.quota.limits,
        (r) => `at least limitRange.max.${r} (${lr.max[r]}), so the largest allowed container fits`,
      );
    });
  },
  ({ cluster: { pgbouncer: pg, namespaces } }, c) => {
    const versionOk = c.check(
      'cluster.pgbouncer.version',
      pg.version,
      parseVersion(pg.version) !== undefined && atLeast(pg.version, MINIMUM_PGBOUNCER_VERSION),
      `an exact PgBouncer version x.y.z, ${MINIMUM_PGBOUNCER_VERSION} or newer`,
    );
    c.check(
      'cluster.pgbouncer.image.repository',
      pg.image.repository,
      matches(pg.image.repository, /^[a-z0-9][a-z0-9._\/-]*[a-z0-9]$/),
      'an image repository such as ghcr.io/icoretech/pgbouncer-docker',
    );
    c.check(
      'cluster.pgbouncer.image.tag',
      pg.image.tag,
      matches(pg.image.tag, /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/) && pg.image.tag !== 'latest',
      'an exact version tag (never latest), e.g. 1.24.1',
    );
    if (versionOk && matches(pg.image.tag, /^\d/)) {
      c.check(
        'cluster.pgbouncer.image.tag',
        pg.image.tag,
        pg.image.tag.startsWith(pg.version),
        `a tag of PgBouncer ${pg.version} (cluster.pgbouncer.version), which pgbouncer.ini is rendered for`,
      );
    }
    if (pg.image.digest !== undefined) {
      c.check(
        'cluster.pgbouncer.image.digest',
        pg.image.digest,
        matches(pg.image.digest, /^sha256:[0-9a-f]{64}$/),
        'sha256:<64 hex digits>, the digest of the image tag',
      );
    }
    c.check(
      'cluster.pgbouncer.namespace',
      pg.namespace,
      namespaces.some((n) => n.name === pg.namespace),
      `a declared namespace (${namespaces.map((n) => n.name).join(', ')})`,
    );
    const home = namespaces.find((n) => n.name === pg.namespace);
    if (home) {
      c.check(
        `cluster.pgbouncer.namespace`,
        pg.namespace,
        home.podSecurity.enforce === 'restricted',
        'a namespace enforcing the restricted Pod Security Standard',
      );
    }
  },
  ({ cluster: { pgbouncer: pg } }, c) => {
    const replicasOk = c.check(
      'cluster.pgbouncer.replicas',
      pg.replicas,
      isIntegerIn(pg.replicas, 1, 20),
      'an integer from 1 to 20',
    );
    c.check(
      'cluster.pgbouncer.minAvailable',
      pg.minAvailable,
      isIntegerIn(pg.minAvailable, 0, 19) && (!replicasOk || pg.minAvailable < pg.replicas),
      `an integer below replicas (${pg.replicas}), or node drains could never evict a PgBouncer pod`,
    );
    c.check(
      'cluster.pgbouncer.defaultPoolSize',
      pg.defaultPoolSize,
      isIntegerIn(pg.defaultPoolSize, 1, 1000),
      'an integer from 1 to 1000 (> 0)',
    );
    c.check(
      'cluster.pgbouncer.reservePoolSize',
      pg.reservePoolSize,
      isIntegerIn(pg.reservePoolSize, 0, 1000),
      'an integer from 0 to 1000',
    );
    c.check(
      'cluster.pgbouncer.reservePoolTimeoutSeconds',
      pg.reservePoolTimeoutSeconds,
      isIntegerIn(pg.reservePoolTimeoutSeconds, 1, 60),
      'an integer from 1 to 60 seconds',
    );
    c.check(
      'cluster.pgbouncer.maxClientConnections',
      pg.maxClientConnections,
      isIntegerIn(pg.maxClientConnections, 1, 100000),
      'an integer from 1 to 100000',
    );
    c.check(
      'cluster.pgbouncer.connectionHeadroom',
      pg.connectionHeadroom,
      isIntegerIn(pg.connectionHeadroom, 0, 5000),
      'an integer ≥ 0',
    );
    c.check(
      'cluster.pgbouncer.runAsUser',
      pg.runAsUser,
      isIntegerIn(pg.runAsUser, 10000, 2147483647),
      'a non-root UID ≥ 10000',
    );
    if (pg.serverTlsSslMode === 'verify-full') {
      c.check(
        'cluster.pgbouncer.serverTlsCaBundle',
        pg.serverTlsCaBundle ? '(PEM)' : pg.serverTlsCaBundle,
        Boolean(pg.serverTlsCaBundle?.includes('-----BEGIN CERTIFICATE-----')),
        'a PEM bundle of the RDS certificate authorities when serverTlsSslMode is verify-full',
      );
    } else {
      c.check(
        'cluster.pgbouncer.serverTlsSslMode',
        pg.serverTlsSslMode,
        pg.serverTlsSslMode === 'require',
        'require | verify-full (RDS PostgreSQL 15 forces TLS)',
      );
    }
  },
  ({ cluster: { pgbouncer: pg, namespaces } }, c) => {
    const requests = quantities(c, 'cluster.pgbouncer.resources.requests', pg.resources.requests);
    const limits = quantities(c, 'cluster.pgbouncer.resources.limits', pg.resources.limits);
    atMost(
      c,
      'cluster.pgbouncer.resources.limits',
      requests,
      limits,
      pg.resources.limits,
      (r) => `at least the request (${pg.resources.requests[r]})`,
    );
    const home = namespaces.find((n) => n.name === pg.namespace);
    if (!home || !requests || !limits || !isIntegerIn(pg.replicas, 1, 20)) return;
    withinLimitRange(c, 'cluster.pgbouncer.resources', pg.resources, home); // its quota: rules/namespace-quota.ts
  },
  ({ cluster: { apps, namespaces }, databaseAccess }, c) => {
    const loginRoles = databaseAccess.roles.filter((r) => r.login).map((r) => r.name);
    for (const [key, app] of Object.entries(apps)) {
      const at = `cluster.apps.${key}`;
      c.check(
        `${at}.namespace`,
        app.namespace,
        namespaces.some((n) => n.name === app.namespace),
        `a declared namespace (${namespaces.map((n) => n.name).join(', ')})`,
      );
      c.check(
        `${at}.databaseRole`,
        app.databaseRole,
        loginRoles.includes(app.databaseRole),
        `a declared login role (${loginRoles.join(', ')})`,
      );
      c.check(
        `${at}.podLabels`,
        app.podLabels,
        Object.keys(app.podLabels).length > 0,
        'at least one label selecting the application pods',
      );
      for (const [k, v] of Object.entries(app.podLabels)) {
        c.check(`${at}.podLabels.${k}`, v, isLabel(k, v), 'a valid Kubernetes label key and value');
      }
      c.check(
        `${at}.httpPort`,
        app.httpPort,
        isIntegerIn(app.httpPort, 1, 65535),
        'an integer from 1 to 65535',
      );
      app.httpsEgressCidrs.forEach((cidr, i) =>
        c.check(
          `${at}.httpsEgressCidrs[${i}]`,
          cidr,
          isIpv4Cidr(cidr) && !cidr.endsWith('/0'),
          'an IPv4 CIDR narrower than /0 (never the whole internet)',
        ),
      );
    }
  },
];

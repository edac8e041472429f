/**
 * The platform's own pods, per namespace, from an environment's config: PgBouncer with its exporter sidecar, the
 * Postgres exporter, the Redis cache and the media copy job (when enabled). One list, so the namespace quota rule counts every one of them together
 * (and a new workload is added here, not to one rule among several).
 */
import { SURGE_PODS } from '../charts/rolling-update';
import type { EnvironmentConfig } from './config';
import type { ComputeQuantities } from './parts/cluster';

export interface PlatformWorkload {
  /** As the quota message names it. */
  readonly name: string;
  readonly namespace: string;
  /** Pods (or, for a sidecar, containers) running at once outside a rollout. */
  readonly replicas: number;
  /** Pods a rollout adds while old and new run side by side (a Deployment's surge; none for the one-at-a-time job). */
  readonly surge: number;
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
}

export function platformWorkloads({
  cluster,
  observability,
  dataProtection,
}: EnvironmentConfig): PlatformWorkload[] {
  const pg = cluster.pgbouncer;
  const copy = dataProtection.mediaCopy;
  return [
    {
      name: 'PgBouncer',
      namespace: pg.namespace,
      replicas: pg.replicas,
      surge: SURGE_PODS,
      resources: pg.resources,
    },
    {
      name: 'PgBouncer exporter sidecar',
      namespace: pg.namespace,
      replicas: pg.replicas,
      surge: SURGE_PODS,
      resources: observability.pgbouncerExporter.resources,
    },
    // The Postgres exporter runs beside PgBouncer (stacks/cluster-monitoring.ts).
    {
      name: 'Postgres exporter',
      namespace: pg.namespace,
      replicas: 1,
      surge: SURGE_PODS,
      resources: observability.postgresExporter.resources,
    },
    {
      name: 'Redis',
      namespace: cluster.redis.namespace,
      replicas: 1,
      surge: SURGE_PODS,
      resources: cluster.redis.resources,
    },
    // A CronJob with concurrencyPolicy Forbid: one pod at a time (retries follow a failed pod, never run beside it).
    ...(copy.enabled
      ? [
          {
            name: 'media copy job',
            namespace: copy.namespace,
            replicas: 1,
            surge: 0,
            resources: copy.resources,
          },
        ]
      : []),
  ];
}

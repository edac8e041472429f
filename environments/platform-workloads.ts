/**
 * The platform's own pods, per namespace, from an environment's config: PgBouncer with its exporter sidecar, the
 * Postgres exporter, the Redis cache and the media copy job (when enabled). One list, so the namespace quota rule counts every one of them together
 * (and a new workload is added here, not to one rule among several).
 */
import type { EnvironmentConfig } from './config';
import type { ComputeQuantities } from './parts/cluster';

export interface PlatformWorkload {
  /** As the quota message names it. */
  readonly name: string;
  readonly namespace: string;
  /** Pods (or, for a sidecar, containers) running at once outside a rollout. */
  readonly replicas: number;
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
    { name: 'PgBouncer', namespace: pg.namespace, replicas: pg.replicas, resources: pg.resources },
    {
      name: 'PgBouncer exporter sidecar',
      namespace: pg.namespace,
      replicas: pg.replicas,
      resources: observability.pgbouncerExporter.resources,
    },
    // The Postgres exporter runs beside PgBouncer (stacks/cluster-monitoring.ts).
    {
      name: 'Postgres exporter',
      namespace: pg.namespace,
      replicas: 1,
      resources: observability.postgresExporter.resources,
    },
    { name: 'Redis', namespace: cluster.redis.namespace, replicas: 1, resources: cluster.redis.resources },
    // A CronJob with concurrencyPolicy Forbid: one pod at a time (retries follow a failed pod, never run beside it).
    ...(copy.enabled
      ? [{ name: 'media copy job', namespace: copy.namespace, replicas: 1, resources: copy.resources }]
      : []),
  ];
}

/**
 * Exporter images and sizes every environment runs unless it writes its own. Tags are exact releases; digests are
 * recorded once the images are pulled and verified, never invented (see the LW-PGB-010 waivers).
 */
import type { ExporterConfig } from './parts/observability';

/** prometheus-community/pgbouncer_exporter v0.12.1 (2026-06-26): reads SHOW STATS/POOLS/LISTS/CONFIG/…; :9127. */
export const pgbouncerExporter: ExporterConfig = {
  image: { repository: 'prometheuscommunity/pgbouncer-exporter', tag: 'v0.12.1' },
  resources: { requests: { cpu: '25m', memory: '32Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
};

/** prometheus-community/postgres_exporter v0.20.1 (2026-07-07): pg_up, pg_stat_*, pg_stat_statements; :9187. */
export const postgresExporter: ExporterConfig = {
  image: { repository: 'prometheuscommunity/postgres-exporter', tag: 'v0.20.1' },
  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
};

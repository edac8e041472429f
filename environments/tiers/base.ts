/**
 * What every environment shares whatever its tier: engine, pooler and cache versions and their pod settings, the
 * exporters, the delivery actions, and the names derived from the environment's own name and account. A tier adds
 * its protections on top (development.ts, production.ts).
 */
import { cloudflareIpv4Ranges } from '../cloudflare-ipv4';
import type { EnvironmentConfig } from '../config';
import { platformDeployActions, platformReadActions } from '../delivery-defaults';
import { sharedLimitRange, sharedPodSecurity } from '../namespace-defaults';
import { pgbouncerExporter, postgresExporter } from '../observability-defaults';
import type { PolicyWaiver } from '../parts/review';
import type { OwnValues } from './environment-values';
import type { Overrides } from './merge';

/** The namespace of the platform's own workloads (seed 001: PgBouncer, Redis and monitoring run in `shared`). */
const PLATFORM_NAMESPACE = 'shared';

/** Waivers every environment carries, whatever its tier (each tier lists them among its own). */
export const baseWaivers: readonly PolicyWaiver[] = [
  {
    rule: 'LW-RDS-025',
    reason:
      'PostgreSQL stays on 5432: only the EKS cluster security group can reach it, and a custom port adds configuration to PgBouncer, policies and clients without adding protection.',
    expires: '2027-06-30',
  },
  // Images pinned by tag until their digests are verified; the address-bound waivers come first.
  {
    rule: 'LW-PGB-010',
    address: 'kubernetes_deployment_v1.cluster_redis_deployment',
    reason:
      'The Valkey image is pinned to the 8.1.11-alpine tag; its digest is recorded in cluster.redis.image.digest once the image is pulled and verified, never invented.',
    expires: '2027-01-31',
  },
  {
    rule: 'LW-PGB-010',
    address: 'kubernetes_cron_job_v1.data_protection_media_copy_job_cron_job',
    reason:
      'The rclone image of the media copy job is pinned to the 1.76.0 tag; its digest is recorded in dataProtection.mediaCopy.image.digest once the image is pulled and verified, never invented.',
    expires: '2027-01-31',
  },
  {
    rule: 'LW-PGB-010',
    reason:
      'The PgBouncer image (1.25.2) and the exporter images (pgbouncer-exporter v0.12.1, postgres-exporter v0.20.1) are pinned by tag; each digest is recorded (cluster.pgbouncer.image.digest, observability.*Exporter.image.digest) once the image is pulled and verified, never invented.',
    expires: '2027-01-31',
  },
];

export function baseShape({ name, aws, network, cluster }: OwnValues): Overrides<EnvironmentConfig> {
  return {
    tags: { Project: 'lightwave-platform', Owner: 'platform-team' },
    state: {
      bucket: `lightwave-tfstate-${aws.accountId}`, // created by `cdktf deploy bootstrap-<name>`
      key: `lightwave-platform/${name}/terraform.tfstate`,
      region: aws.region,
      kmsKeyAlias: 'alias/lightwave-tfstate',
      noncurrentVersionExpirationDays: 90,
    },
    database: {
      identifier: `lightwave-${name}`,
      databaseName: 'lightwave_platform',
      engineVersion: '15',
      multiAz: false,
      port: 5432,
      masterUsername: 'lightwave_admin',
      backupWindow: '03:00-03:30',
      performanceInsightsRetentionDays: 7,
      monitoringIntervalSeconds: 60,
      caCertIdentifier: 'rds-ca-rsa2048-g1',
      parameters: { idleInTransactionSessionTimeoutMs: 60000 },
    },
    databaseAccess: {
      // The operator's tunnel to the private instance (docs/deploy.md, "Reaching the database").
      connection: { host: '127.0.0.1', sslMode: 'require', connectTimeoutSeconds: 15 },
      // Query statistics (already preloaded), trigram similarity and accent-free search.
      extensions: { schema: 'extensions', names: ['pg_stat_statements', 'pg_trgm', 'unaccent'] },
      // The Postgres exporter's login: pg_monitor and the extensions schema only, counted in the connection budget.
      monitoringRole: { name: 'monitoring', connectionLimit: 3, statementTimeoutMs: 10000 },
    },
    cluster: {
      eksClusterName: `lightwave-${name}`,
      platformNamespace: {
        name: PLATFORM_NAMESPACE,
        purpose: 'PgBouncer in front of RDS; Redis and monitoring',
        podSecurity: sharedPodSecurity,
        limitRange: sharedLimitRange,
      },
      pgbouncer: {
        namespace: PLATFORM_NAMESPACE,
        version: '1.25.2', // 1.24.1 and older: CVE-2026-6664…6667 (policy LW-PGB-016)
        image: { repository: 'ghcr.io/icoretech/pgbouncer-docker', tag: '1.25.2' },
        minAvailable: cluster.pgbouncer.replicas - 1, // a drain or rollout takes one pod at a time
        sessionPoolSize: 2, // per user and replica: a LISTEN listener and a migration or refresh at once
        reservePoolTimeoutSeconds: 3,
        queryWaitTimeoutSeconds: 15,
        serverTlsSslMode: 'require',
        resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
        runAsUser: 10001,
      },
      redis: {
        namespace: PLATFORM_NAMESPACE,
        // Valkey 8.1 (BSD-3-Clause): Redis 7.0.15 carried CVE-2024-31449…, CVE-2025-49844… (docs/data-plane-security.md)
        server: 'valkey',
        version: '8.1.11',
        image: { repository: 'docker.io/valkey/valkey', tag: '8.1.11-alpine' },
        evictionPolicy: 'allkeys-lru',
        runAsUser: 10002,
      },
    },
    cloudflare: {
      accountId: '0123456789abcdef0123456789abcdef', // REPLACE: the Cloudflare account holding R2 and the zone
      media: {
        locationHint: 'enam',
        allowBrowserUploads: false,
        corsMaxAgeSeconds: 3600,
        expiryRules: [], // media is kept; add rules for prefixes that may expire
      },
      // The zone's cache rules (every environment's host) are deployed by the one environment that says so.
      cdn: {
        zoneName: 'lightwave-media.site',
        zoneId: 'fedcba9876543210fedcba9876543210', // REPLACE: the lightwave-media.site zone id
        minTlsVersion: '1.2',
        managesZoneCacheRules: false,
      },
    },
    dataProtection: {
      dr: { region: 'us-west-2' },
      backup: { enabled: true },
      mediaCopy: {
        enabled: true,
        schedule: '17 2 * * *',
        coldStorageAfterDays: 30,
        namespace: PLATFORM_NAMESPACE,
        image: { repository: 'docker.io/rclone/rclone', tag: '1.76.0' }, // 1.74 and older: CVE-2026-41179, CVE-2026-71310 (LW-PGB-016)
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
        runAsUser: 10003, // its own UID: PgBouncer runs as 10001, Redis as 10002
        awsHttpsEgressCidrs: network.databaseSubnetCidrs, // the s3 and sts interface endpoints live in those subnets
        r2HttpsEgressCidrs: cloudflareIpv4Ranges,
      },
    },
    observability: {
      recipients: { httpsEndpoints: [] },
      auditTrail: { bucketName: `lightwave-cloudtrail-${aws.accountId}` },
      alarms: { saturationShare: 0.8, reserveShare: 0.1 },
      // Seed 001: monitoring runs in `shared`; its Prometheus pods carry this label.
      prometheus: { namespace: PLATFORM_NAMESPACE, podLabels: { 'app.kubernetes.io/name': 'prometheus' } },
      pgbouncerExporter,
      postgresExporter,
    },
    delivery: {
      repository: 'lightwave-media/lightwave-platform', // REPLACE if the repository lives elsewhere
      deployBranch: 'main',
      githubEnvironment: name,
      // Who runs the bootstrap stack: the account's administrator role (REPLACE if it is called otherwise).
      administratorArns: [`arn:aws:iam::${aws.accountId}:role/lightwave-platform-admin`],
      bootstrapBackend: 'local', // 's3' once the bootstrap state is migrated into the bucket
      planRole: { name: `lightwave-${name}-plan`, readActions: platformReadActions },
      deployRole: { name: `lightwave-${name}-deploy`, serviceActions: platformDeployActions },
    },
  };
}

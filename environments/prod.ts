/**
 * The production environment.
 *
 * Account, VPC, subnet, security group (and, later, Cloudflare) ids below are FAKE placeholders with the right shape.
 * REPLACE them with the real ids of the production account before the first `cdktf deploy prod`.
 */
import { cloudflareIpv4Ranges } from './cloudflare-ipv4';
import type { EnvironmentConfig } from './config';
import { platformDeployActions, platformReadActions } from './delivery-defaults';
import { appLimitRange, appPodSecurity, sharedLimitRange, sharedPodSecurity } from './namespace-defaults';
import { pgbouncerExporter, postgresExporter } from './observability-defaults';
import { PAYLOAD_SENSITIVE_TABLES } from './payload-tables';

/** CIDRs of the private subnets (privateSubnetIds, same order): the database's subnet group, and the s3/sts interface endpoints. */
const privateSubnetCidrs = ['10.20.0.0/20', '10.20.16.0/20']; // REPLACE

export const prod: EnvironmentConfig = {
  name: 'prod',
  tier: 'production',
  aws: {
    accountId: '222222222222', // REPLACE: production AWS account
    region: 'us-east-1',
  },
  state: {
    bucket: 'lightwave-tfstate-222222222222', // REPLACE: created by `cdktf deploy bootstrap-prod`
    key: 'lightwave-platform/prod/terraform.tfstate',
    region: 'us-east-1',
    kmsKeyAlias: 'alias/lightwave-tfstate',
    noncurrentVersionExpirationDays: 90,
  },
  tags: {
    Project: 'lightwave-platform',
    Owner: 'platform-team',
  },
  network: {
    vpcId: 'vpc-0bbbbbbbbbbbbbbb1', // REPLACE
    vpcCidr: '10.20.0.0/16', // REPLACE
    privateSubnetIds: ['subnet-0bbbbbbbbbbbbbb11', 'subnet-0bbbbbbbbbbbbbb12'], // REPLACE
    databaseSubnetCidrs: privateSubnetCidrs,
    loadBalancerSubnetCidrs: ['10.20.128.0/24', '10.20.129.0/24'], // REPLACE: the ALB's public subnets
    clusterSecurityGroupId: 'sg-0bbbbbbbbbbbbbbb1', // REPLACE: EKS cluster security group of lightwave-prod
  },
  database: {
    identifier: 'lightwave-prod',
    databaseName: 'lightwave_platform',
    engineVersion: '15',
    instanceClass: 'db.t3.medium', // approved in the Phase 0 plan: db.t3.medium initially
    allocatedStorageGiB: 40,
    maxAllocatedStorageGiB: 200,
    deletionProtection: true,
    multiAz: false, // the approved $72.50/month database budget does not cover a standby (see policy waivers)
    port: 5432,
    masterUsername: 'lightwave_admin',
    backupRetentionDays: 14,
    backupWindow: '03:00-03:30',
    maintenanceWindow: 'sun:04:00-sun:05:00',
    logRetentionDays: 30,
    performanceInsightsRetentionDays: 7,
    monitoringIntervalSeconds: 60,
    caCertIdentifier: 'rds-ca-rsa2048-g1',
    kmsDeletionWindowDays: 30,
    parameters: {
      logMinDurationStatementMs: 1000,
      idleInTransactionSessionTimeoutMs: 60000,
      // db.t3.medium holds at most 405 (rds-instance-classes.ts); `npm run review` shows the budget arithmetic.
      maxConnections: 400,
    },
  },
  databaseAccess: {
    // The operator's tunnel to the private instance (docs/deploy.md, "Reaching the database").
    connection: { host: '127.0.0.1', port: 25432, sslMode: 'require', connectTimeoutSeconds: 15 },
    roles: [
      { name: 'payload_user', login: true, connectionLimit: 160, statementTimeoutMs: 60000 },
      { name: 'django_user', login: true, connectionLimit: 160, statementTimeoutMs: 60000 },
      { name: 'createos_owner', login: false },
      { name: 'cineos_owner', login: false },
      { name: 'photographyos_owner', login: false },
    ],
    schemas: [
      {
        name: 'payload',
        owner: 'payload_user',
        readers: [],
        // Credentials, sessions and per-user records of Payload's auth collection: never readable by another role.
        sensitiveTables: PAYLOAD_SENSITIVE_TABLES,
        // Django's read switch (analytics reads of Payload content; Django otherwise uses Payload's REST API): off.
        // On: [{ role: 'django_user', tables: ['pages', 'posts', 'categories', 'media'] }]; each listed table is
        // granted once Payload's migrations created it. See docs/application-contract.md.
        tableReaders: [],
      },
      { name: 'django', owner: 'django_user', readers: [] },
      { name: 'createos', owner: 'createos_owner', readers: [] },
      { name: 'cineos', owner: 'cineos_owner', readers: [] },
      { name: 'photographyos', owner: 'photographyos_owner', readers: [] },
    ],
    // Query statistics (already preloaded), trigram similarity and accent-free search.
    extensions: { schema: 'extensions', names: ['pg_stat_statements', 'pg_trgm', 'unaccent'] },
    // The Postgres exporter's login: pg_monitor and the extensions schema only, counted in the connection budget.
    monitoringRole: {
      name: 'monitoring',
      connectionLimit: 3,
      statementTimeoutMs: 10000,
    },
  },
  cluster: {
    eksClusterName: 'lightwave-prod',
    oidcIssuerUrl: 'https://oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDE2', // REPLACE: aws eks describe-cluster --query cluster.identity.oidc.issuer
    namespaces: [
      {
        name: 'django-api',
        purpose: 'Django REST API and Celery workers',
        podSecurity: appPodSecurity,
        quota: { requests: { cpu: '8', memory: '16Gi' }, limits: { cpu: '16', memory: '32Gi' }, pods: 60 },
        limitRange: appLimitRange,
      },
      {
        name: 'payload-cms',
        purpose: 'Payload CMS on Next.js',
        podSecurity: appPodSecurity,
        quota: { requests: { cpu: '8', memory: '16Gi' }, limits: { cpu: '16', memory: '32Gi' }, pods: 60 },
        limitRange: appLimitRange,
      },
      {
        name: 'shared',
        purpose: 'PgBouncer in front of RDS; Redis and monitoring',
        podSecurity: sharedPodSecurity,
        quota: { requests: { cpu: '4', memory: '8Gi' }, limits: { cpu: '8', memory: '16Gi' }, pods: 40 },
        limitRange: sharedLimitRange,
      },
    ],
    pgbouncer: {
      namespace: 'shared',
      version: '1.25.2', // 1.24.1 and older: CVE-2026-6664…6667 (policy LW-PGB-016)
      image: { repository: 'ghcr.io/icoretech/pgbouncer-docker', tag: '1.25.2' },
      replicas: 3,
      minAvailable: 2,
      defaultPoolSize: 40,
      reservePoolSize: 10,
      sessionPoolSize: 2, // per user and replica: a LISTEN listener and a migration or refresh at once
      reservePoolTimeoutSeconds: 3,
      queryWaitTimeoutSeconds: 15,
      drainSeconds: 120,
      maxClientConnections: 1000,
      serverTlsSslMode: 'require',
      connectionHeadroom: 50,
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
      runAsUser: 10001,
    },
    redis: {
      namespace: 'shared',
      // Valkey 8.1 (BSD-3-Clause): Redis 7.0.15 carried CVE-2024-31449…, CVE-2025-49844… (docs/data-plane-security.md)
      server: 'valkey',
      version: '8.1.11',
      image: { repository: 'docker.io/valkey/valkey', tag: '8.1.11-alpine' },
      maxMemory: '768Mi',
      evictionPolicy: 'allkeys-lru',
      resources: { requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } },
      runAsUser: 10002,
    },
    apps: {
      payload: {
        namespace: 'payload-cms',
        databaseRole: 'payload_user',
        podLabels: { 'app.kubernetes.io/name': 'payload' },
        serverPodLabels: { 'app.kubernetes.io/component': 'web' },
        httpPort: 3000,
        serviceName: 'payload',
        httpsEgressCidrs: cloudflareIpv4Ranges, // uploads to R2
        settings: { NEXT_PUBLIC_SERVER_URL: 'https://cms.lightwave-media.site' },
      },
      django: {
        namespace: 'django-api',
        databaseRole: 'django_user',
        podLabels: { 'app.kubernetes.io/name': 'django-api' }, // web and Celery worker pods alike
        serverPodLabels: { 'app.kubernetes.io/component': 'web' },
        httpPort: 8000,
        serviceName: 'django-api',
        httpsEgressCidrs: [],
        settings: {},
      },
    },
  },
  cloudflare: {
    accountId: '0123456789abcdef0123456789abcdef', // REPLACE: the Cloudflare account holding R2 and the zone
    media: {
      bucketName: 'lightwave-media',
      locationHint: 'enam',
      corsOrigins: ['https://lightwave-media.site', 'https://www.lightwave-media.site'],
      allowBrowserUploads: false,
      corsMaxAgeSeconds: 3600,
      abortIncompleteUploadsAfterDays: 7,
      expiryRules: [], // media is kept; add rules for prefixes that may expire
    },
    cdn: {
      zoneName: 'lightwave-media.site',
      zoneId: 'fedcba9876543210fedcba9876543210', // REPLACE: the lightwave-media.site zone id
      domain: 'cdn.lightwave-media.site',
      minTlsVersion: '1.2',
      edgeTtlSeconds: 2592000,
      browserTtlSeconds: 86400,
      managesZoneCacheRules: true,
    },
  },
  dataProtection: {
    dr: { region: 'us-west-2' },
    backup: {
      enabled: true,
      daily: { retentionDays: 14, drRetentionDays: 14 },
      monthly: { retentionDays: 180, drRetentionDays: 180 },
      copyToDrRegion: true,
      // Compliance: after 7 days nobody (the deploy role, root, AWS) can lift it or shorten retention
      // (docs/threat-model.md). It cannot be undone: docs/backups.md.
      vaultLock: { mode: 'compliance', changeableForDays: 7 },
    },
    mediaCopy: {
      enabled: true,
      bucketName: 'lightwave-media-copy-222222222222', // REPLACE if the name is taken (S3 names are global)
      schedule: '17 2 * * *',
      previousVersionRetentionDays: 90,
      coldStorageAfterDays: 30,
      namespace: 'shared',
      image: { repository: 'docker.io/rclone/rclone', tag: '1.76.0' }, // 1.74 and older: CVE-2026-41179, CVE-2026-71310 (LW-PGB-016)
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      runAsUser: 10003, // its own UID: PgBouncer runs as 10001, Redis as 10002
      awsHttpsEgressCidrs: privateSubnetCidrs, // the s3 and sts interface endpoints; REPLACE with AWS's ranges without them
      r2HttpsEgressCidrs: cloudflareIpv4Ranges,
    },
  },
  observability: {
    recipients: {
      emails: ['platform-alerts@lightwave-media.site'], // REPLACE with the on-call mailbox
      httpsEndpoints: [],
    },
    auditTrail: {
      bucketName: 'lightwave-cloudtrail-222222222222', // REPLACE with the account's id
      logRetentionDays: 365,
    },
    alarms: { saturationShare: 0.8, reserveShare: 0.1, sustainMinutes: 5 },
    // Seed 001: monitoring runs in `shared`; its Prometheus pods carry this label.
    prometheus: { namespace: 'shared', podLabels: { 'app.kubernetes.io/name': 'prometheus' } },
    pgbouncerExporter,
    postgresExporter,
  },
  delivery: {
    repository: 'lightwave-media/lightwave-platform', // REPLACE if the repository lives elsewhere
    deployBranch: 'main',
    githubEnvironment: 'prod',
    administratorArns: ['arn:aws:iam::222222222222:role/lightwave-platform-admin'], // REPLACE: who runs the bootstrap
    databaseTunnelInstanceId: 'i-0bbbbbbbbbbbbbbb1', // REPLACE: SSM-managed instance in the VPC
    bootstrapBackend: 'local', // 's3' once the bootstrap state is migrated into the bucket
    planRole: {
      name: 'lightwave-prod-plan',
      githubEnvironment: 'prod-plan', // REPLACE if named otherwise: required reviewers, like prod
      readActions: platformReadActions,
    },
    deployRole: { name: 'lightwave-prod-deploy', serviceActions: platformDeployActions },
  },
  policyWaivers: [
    {
      rule: 'LW-RDS-025',
      reason:
        'PostgreSQL stays on 5432: only the EKS cluster security group can reach it, and a custom port adds configuration to PgBouncer, policies and clients without adding protection.',
      expires: '2027-06-30',
    },
    {
      rule: 'LW-RDS-006',
      reason:
        'Single-AZ: the approved $72.50/month database budget (Phase 0 plan) does not cover a Multi-AZ db.t3.medium (about $105/month). Recovery is from automated backups (14 days). Revisit when the budget is reviewed.',
      expires: '2027-03-31',
    },
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
  ],
  cost: {
    databaseBudgetUsdPerMonth: 72.5, // Phase 0 plan: PostgreSQL (RDS) production at $72.50/month
    usage: {
      databaseLogsGiBPerMonth: 5,
      r2StorageGiB: 100,
      r2ClassAOperationsPerMonth: 500_000,
      r2ClassBOperationsPerMonth: 5_000_000,
      databaseSnapshotGiB: 10,
      databaseChangedGiBPerDay: 0.2,
      mediaObjects: 200_000,
      mediaNewGiBPerMonth: 5,
      mediaNewObjectsPerMonth: 10_000,
      alertMessagesPerMonth: 300,
    },
  },
};

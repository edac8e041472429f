/**
 * Every failing case of the validation tests: inputs that must be refused, with the failure they must produce.
 * Shared by validation.test.ts and policy/waivers.test.ts (each case fails as expected) and
 * validation-coverage.test.ts (every check of environments/rules and policy/waivers.ts is the expected failure of
 * at least one case).
 */
import type { EnvironmentConfig } from '../../environments/config';
import { dev } from '../../environments/dev';
import { prod } from '../../environments/prod';
import type { ValidationFailure } from '../../environments/validation';
import { withChange, type Writable } from './with-change';

export interface FailingCase {
  readonly what: string;
  /** The environments validated together: a changed copy of dev or prod, or several for rules across them. */
  readonly envs: () => readonly EnvironmentConfig[];
  /** The day waiver expiries are judged against. @default - today */
  readonly today?: string;
  /** The failure the case must produce (`value` compared when present). */
  readonly expected: Partial<ValidationFailure> & { readonly field: string };
}

type Change = (env: Writable<EnvironmentConfig>) => void;

type Quantities = { cpu: string; memory: string };

/** An unparsable cpu and memory for every cpu/memory pair the cluster rules parse. */
function quantityCases(): [string, EnvironmentConfig, Change, string, unknown][] {
  const pairs: [string, (e: Writable<EnvironmentConfig>) => Quantities][] = [
    ['cluster.namespaces[0].quota.requests', (e) => e.cluster.namespaces[0].quota.requests],
    ['cluster.namespaces[0].quota.limits', (e) => e.cluster.namespaces[0].quota.limits],
    ['cluster.namespaces[0].limitRange.min', (e) => e.cluster.namespaces[0].limitRange.min],
    [
      'cluster.namespaces[0].limitRange.defaultRequest',
      (e) => e.cluster.namespaces[0].limitRange.defaultRequest,
    ],
    ['cluster.namespaces[0].limitRange.default', (e) => e.cluster.namespaces[0].limitRange.default],
    ['cluster.namespaces[0].limitRange.max', (e) => e.cluster.namespaces[0].limitRange.max],
    ['cluster.pgbouncer.resources.requests', (e) => e.cluster.pgbouncer.resources.requests],
    ['cluster.pgbouncer.resources.limits', (e) => e.cluster.pgbouncer.resources.limits],
  ];
  return pairs.flatMap(([field, pair]) =>
    (['cpu', 'memory'] as const).map((r): [string, EnvironmentConfig, Change, string, unknown] => [
      `${field}.${r} is no quantity`,
      dev,
      (e) => (pair(e)[r] = 'lots'),
      `${field}.${r}`,
      'lots',
    ]),
  );
}

/** [what is wrong, base environment, change, field expected in the failure, bad value expected in the failure] */
const changedEnvironments: [string, EnvironmentConfig, Change, string, unknown][] = [
  ['name is not a DNS label', dev, (e) => (e.name = 'Dev_1'), 'name', 'Dev_1'],
  ['unknown tier', dev, (e) => (e.tier = 'staging' as never), 'tier', 'staging'],
  ['account id is not 12 digits', dev, (e) => (e.aws.accountId = '12345'), 'aws.accountId', '12345'],
  ['malformed region', dev, (e) => (e.aws.region = 'US-EAST'), 'aws.region', 'US-EAST'],
  [
    'state bucket name breaks S3 rules',
    dev,
    (e) => (e.state.bucket = 'Bad_Bucket'),
    'state.bucket',
    'Bad_Bucket',
  ],
  [
    'state key without the environment name',
    dev,
    (e) => (e.state.key = 'shared/terraform.tfstate'),
    'state.key',
    'shared/terraform.tfstate',
  ],
  [
    'tag key in the reserved aws: namespace',
    dev,
    (e) => (e.tags = { 'aws:owner': 'x' }),
    'tags.aws:owner',
    'aws:owner',
  ],
  ['malformed VPC id', dev, (e) => (e.network.vpcId = 'vpc-xyz'), 'network.vpcId', 'vpc-xyz'],
  ['malformed VPC CIDR', dev, (e) => (e.network.vpcCidr = '10.0.0.0/33'), 'network.vpcCidr', '10.0.0.0/33'],
  [
    'a single private subnet',
    dev,
    (e) => (e.network.privateSubnetIds = ['subnet-0aaaaaaaaaaaaaa11']),
    'network.privateSubnetIds',
    ['subnet-0aaaaaaaaaaaaaa11'],
  ],
  [
    'malformed subnet id',
    dev,
    (e) => (e.network.privateSubnetIds[1] = 'subnet-1'),
    'network.privateSubnetIds[1]',
    'subnet-1',
  ],
  [
    'malformed cluster security group',
    dev,
    (e) => (e.network.clusterSecurityGroupId = 'sg-'),
    'network.clusterSecurityGroupId',
    'sg-',
  ],
  [
    'unknown instance class',
    dev,
    (e) => (e.database.instanceClass = 'db.x9.huge'),
    'database.instanceClass',
    'db.x9.huge',
  ],
  [
    'storage below 20 GiB',
    dev,
    (e) => (e.database.allocatedStorageGiB = 10),
    'database.allocatedStorageGiB',
    10,
  ],
  [
    'max storage below allocated',
    dev,
    (e) => (e.database.maxAllocatedStorageGiB = 20),
    'database.maxAllocatedStorageGiB',
    20,
  ],
  [
    'production backups kept 7 days',
    prod,
    (e) => (e.database.backupRetentionDays = 7),
    'database.backupRetentionDays',
    7,
  ],
  [
    'backups kept 0 days',
    dev,
    (e) => (e.database.backupRetentionDays = 0),
    'database.backupRetentionDays',
    0,
  ],
  [
    'malformed backup window',
    dev,
    (e) => (e.database.backupWindow = '3am-4am'),
    'database.backupWindow',
    '3am-4am',
  ],
  [
    'backup window under 30 minutes',
    dev,
    (e) => (e.database.backupWindow = '03:00-03:10'),
    'database.backupWindow',
    '03:00-03:10',
  ],
  [
    'malformed maintenance window',
    dev,
    (e) => (e.database.maintenanceWindow = 'sunday 04:00'),
    'database.maintenanceWindow',
    'sunday 04:00',
  ],
  [
    'maintenance overlapping backups',
    dev,
    (e) => (e.database.maintenanceWindow = 'wed:03:15-wed:04:00'),
    'database.maintenanceWindow',
    'wed:03:15-wed:04:00',
  ],
  ['engine is not 15.x', dev, (e) => (e.database.engineVersion = '16.4'), 'database.engineVersion', '16.4'],
  [
    'master user named postgres',
    dev,
    (e) => (e.database.masterUsername = 'postgres'),
    'database.masterUsername',
    'postgres',
  ],
  [
    'production without deletion protection',
    prod,
    (e) => (e.database.deletionProtection = false),
    'database.deletionProtection',
    false,
  ],
  [
    'log retention CloudWatch does not offer',
    dev,
    (e) => (e.database.logRetentionDays = 10),
    'database.logRetentionDays',
    10,
  ],
  [
    'Performance Insights retention of 10 days',
    dev,
    (e) => (e.database.performanceInsightsRetentionDays = 10),
    'database.performanceInsightsRetentionDays',
    10,
  ],
  [
    'enhanced monitoring off',
    dev,
    (e) => (e.database.monitoringIntervalSeconds = 0),
    'database.monitoringIntervalSeconds',
    0,
  ],
  [
    'outdated certificate authority',
    dev,
    (e) => (e.database.caCertIdentifier = 'rds-ca-2019'),
    'database.caCertIdentifier',
    'rds-ca-2019',
  ],
  ['port out of range', dev, (e) => (e.database.port = 80), 'database.port', 80],
  [
    'identifier with a double hyphen',
    dev,
    (e) => (e.database.identifier = 'lightwave--dev'),
    'database.identifier',
    'lightwave--dev',
  ],
  [
    'database named template1',
    dev,
    (e) => (e.database.databaseName = 'template1'),
    'database.databaseName',
    'template1',
  ],
  [
    'KMS deletion window of 3 days',
    dev,
    (e) => (e.database.kmsDeletionWindowDays = 3),
    'database.kmsDeletionWindowDays',
    3,
  ],
  [
    'slow-statement logging disabled',
    dev,
    (e) => (e.database.parameters.logMinDurationStatementMs = -1),
    'database.parameters.logMinDurationStatementMs',
    -1,
  ],
  [
    'postgresql provider without TLS',
    dev,
    (e) => (e.databaseAccess.connection.sslMode = 'disable' as never),
    'databaseAccess.connection.sslMode',
    'disable',
  ],
  [
    'role named postgres',
    dev,
    (e) => (e.databaseAccess.roles[0].name = 'postgres'),
    'databaseAccess.roles[0].name',
    'postgres',
  ],
  [
    'role in the rds namespace',
    dev,
    (e) => (e.databaseAccess.roles[1].name = 'rds_app'),
    'databaseAccess.roles[1].name',
    'rds_app',
  ],
  [
    'role in the pg_ namespace',
    dev,
    (e) => (e.databaseAccess.roles[1].name = 'pg_reader'),
    'databaseAccess.roles[1].name',
    'pg_reader',
  ],
  [
    'role named like the master user',
    dev,
    (e) => (e.databaseAccess.roles[1].name = 'lightwave_admin'),
    'databaseAccess.roles[1].name',
    'lightwave_admin',
  ],
  [
    'role name with a capital',
    dev,
    (e) => (e.databaseAccess.roles[0].name = 'PayloadUser'),
    'databaseAccess.roles[0].name',
    'PayloadUser',
  ],
  [
    'role declared twice',
    dev,
    (e) => e.databaseAccess.roles.push({ name: 'django_user', login: false }),
    'databaseAccess.roles',
    'django_user',
  ],
  [
    'schema declared twice',
    dev,
    (e) => e.databaseAccess.schemas.push({ name: 'payload', owner: 'payload_user', readers: [] }),
    'databaseAccess.schemas',
    'payload',
  ],
  [
    'schema named public',
    dev,
    (e) => (e.databaseAccess.schemas[2].name = 'public'),
    'databaseAccess.schemas[2].name',
    'public',
  ],
  [
    'schema in the pg_ namespace',
    dev,
    (e) => (e.databaseAccess.schemas[2].name = 'pg_temp_x'),
    'databaseAccess.schemas[2].name',
    'pg_temp_x',
  ],
  [
    'owner that is not a declared role',
    dev,
    (e) => (e.databaseAccess.schemas[0].owner = 'payload'),
    'databaseAccess.schemas[0].owner',
    'payload',
  ],
  [
    'reader that is not a declared role',
    dev,
    (e) => (e.databaseAccess.schemas[0].readers = ['analytics']),
    'databaseAccess.schemas[0].readers[0]',
    'analytics',
  ],
  [
    'a role reading its own schema',
    dev,
    (e) => (e.databaseAccess.schemas[1].readers = ['django_user']),
    'databaseAccess.schemas[1].readers[0]',
    'django_user',
  ],
  [
    'a login role with more connections than PostgreSQL allows',
    dev,
    (e) =>
      (e.databaseAccess.roles[0] = {
        name: 'payload_user',
        login: true,
        connectionLimit: 6000,
        statementTimeoutMs: 30000,
      }),
    'databaseAccess.roles[0].connectionLimit',
    6000,
  ],
  [
    'connection limits above max_connections',
    dev,
    (e) =>
      (e.databaseAccess.roles[0] = {
        name: 'payload_user',
        login: true,
        connectionLimit: 100,
        statementTimeoutMs: 30000,
      }),
    'databaseAccess.roles[*].connectionLimit',
    140,
  ],
  [
    'namespace name that is not a DNS-1123 label',
    dev,
    (e) => (e.cluster.namespaces[0].name = 'Django_API'),
    'cluster.namespaces[0].name',
    'Django_API',
  ],
  [
    'namespace declared twice',
    dev,
    (e) => (e.cluster.namespaces[1].name = 'django-api'),
    'cluster.namespaces',
    'django-api',
  ],
  [
    'unknown Pod Security level',
    dev,
    (e) => (e.cluster.namespaces[0].podSecurity.enforce = 'strict' as never),
    'cluster.namespaces[0].podSecurity.enforce',
    'strict',
  ],
  [
    'warn laxer than enforce',
    dev,
    (e) => (e.cluster.namespaces[2].podSecurity.warn = 'baseline'),
    'cluster.namespaces[2].podSecurity.warn',
    'baseline',
  ],
  [
    'unparsable CPU quantity',
    dev,
    (e) => (e.cluster.namespaces[0].quota.requests.cpu = 'two cores'),
    'cluster.namespaces[0].quota.requests.cpu',
    'two cores',
  ],
  [
    'unparsable memory quantity',
    dev,
    (e) => (e.cluster.namespaces[1].limitRange.max.memory = '4GB'),
    'cluster.namespaces[1].limitRange.max.memory',
    '4GB',
  ],
  [
    'quota below the limit range maximum',
    dev,
    (e) => (e.cluster.namespaces[0].quota.limits.memory = '1Gi'),
    'cluster.namespaces[0].quota.limits.memory',
    '1Gi',
  ],
  [
    'quota requests below the default request',
    dev,
    (e) => (e.cluster.namespaces[2].quota.requests.cpu = '50m'),
    'cluster.namespaces[2].quota.requests.cpu',
    '50m',
  ],
  [
    'limit range default above its max',
    dev,
    (e) => (e.cluster.namespaces[0].limitRange.default.cpu = '3'),
    'cluster.namespaces[0].limitRange.max.cpu',
    '2',
  ],
  [
    'pool size of zero',
    dev,
    (e) => (e.cluster.pgbouncer.defaultPoolSize = 0),
    'cluster.pgbouncer.defaultPoolSize',
    0,
  ],
  [
    'negative reserve pool',
    dev,
    (e) => (e.cluster.pgbouncer.reservePoolSize = -1),
    'cluster.pgbouncer.reservePoolSize',
    -1,
  ],
  [
    'pools beyond the connection budget',
    dev,
    (e) => (e.cluster.pgbouncer.replicas = 3),
    'cluster.pgbouncer.defaultPoolSize',
    15,
  ],
  [
    'PDB minAvailable equal to replicas',
    dev,
    (e) => (e.cluster.pgbouncer.minAvailable = 2),
    'cluster.pgbouncer.minAvailable',
    2,
  ],
  [
    'image tag latest',
    dev,
    (e) => (e.cluster.pgbouncer.image.tag = 'latest'),
    'cluster.pgbouncer.image.tag',
    'latest',
  ],
  [
    'image tag of another PgBouncer version',
    dev,
    (e) => (e.cluster.pgbouncer.image.tag = '1.22.0'),
    'cluster.pgbouncer.image.tag',
    '1.22.0',
  ],
  [
    'malformed image digest',
    dev,
    (e) => (e.cluster.pgbouncer.image.digest = 'sha256:abc'),
    'cluster.pgbouncer.image.digest',
    'sha256:abc',
  ],
  [
    'PgBouncer version the renderer does not support',
    dev,
    (e) => (e.cluster.pgbouncer.version = '1.12.0'),
    'cluster.pgbouncer.version',
    '1.12.0',
  ],
  [
    'PgBouncer in a namespace not enforcing restricted',
    dev,
    (e) => (e.cluster.pgbouncer.namespace = 'django-api'),
    'cluster.pgbouncer.namespace',
    'django-api',
  ],
  [
    'PgBouncer in an undeclared namespace',
    dev,
    (e) => (e.cluster.pgbouncer.namespace = 'pooling'),
    'cluster.pgbouncer.namespace',
    'pooling',
  ],
  [
    'verify-full without a CA bundle',
    dev,
    (e) => (e.cluster.pgbouncer.serverTlsSslMode = 'verify-full'),
    'cluster.pgbouncer.serverTlsCaBundle',
    undefined,
  ],
  [
    'PgBouncer running as a low UID',
    dev,
    (e) => (e.cluster.pgbouncer.runAsUser = 70),
    'cluster.pgbouncer.runAsUser',
    70,
  ],
  [
    'PgBouncer limit below its request',
    dev,
    (e) => (e.cluster.pgbouncer.resources.limits.cpu = '10m'),
    'cluster.pgbouncer.resources.limits.cpu',
    '10m',
  ],
  [
    'role connection limit below its PgBouncer pools',
    dev,
    (e) =>
      (e.databaseAccess.roles[1] = {
        name: 'django_user',
        login: true,
        connectionLimit: 30,
        statementTimeoutMs: 30000,
      }),
    'databaseAccess.roles[1].connectionLimit',
    30,
  ],
  [
    'app in an undeclared namespace',
    dev,
    (e) => (e.cluster.apps.payload.namespace = 'cms'),
    'cluster.apps.payload.namespace',
    'cms',
  ],
  [
    'app connecting as a reserved role',
    dev,
    (e) => (e.cluster.apps.django.databaseRole = 'cineos_owner'),
    'cluster.apps.django.databaseRole',
    'cineos_owner',
  ],
  [
    'HTTPS egress to the whole internet',
    dev,
    (e) => (e.cluster.apps.payload.httpsEgressCidrs = ['0.0.0.0/0']),
    'cluster.apps.payload.httpsEgressCidrs[0]',
    '0.0.0.0/0',
  ],
  [
    'invalid pod label',
    dev,
    (e) => (e.cluster.apps.django.podLabels = { app: 'django api' }),
    'cluster.apps.django.podLabels.app',
    'django api',
  ],
  [
    'bucket name with capitals',
    dev,
    (e) => (e.cloudflare.media.bucketName = 'Lightwave-Media'),
    'cloudflare.media.bucketName',
    'Lightwave-Media',
  ],
  [
    'bucket name too short',
    dev,
    (e) => (e.cloudflare.media.bucketName = 'lw'),
    'cloudflare.media.bucketName',
    'lw',
  ],
  [
    'bucket name with an underscore',
    dev,
    (e) => (e.cloudflare.media.bucketName = 'lightwave_media'),
    'cloudflare.media.bucketName',
    'lightwave_media',
  ],
  [
    'bucket name over 63 characters',
    dev,
    (e) => (e.cloudflare.media.bucketName = 'l'.repeat(64)),
    'cloudflare.media.bucketName',
    'l'.repeat(64),
  ],
  [
    'unknown R2 location',
    dev,
    (e) => (e.cloudflare.media.locationHint = 'mars' as never),
    'cloudflare.media.locationHint',
    'mars',
  ],
  [
    'CORS origin over http',
    dev,
    (e) => (e.cloudflare.media.corsOrigins = ['http://lightwave-media.site']),
    'cloudflare.media.corsOrigins[0]',
    'http://lightwave-media.site',
  ],
  [
    'CORS origin with a path',
    dev,
    (e) => (e.cloudflare.media.corsOrigins = ['https://lightwave-media.site/app']),
    'cloudflare.media.corsOrigins[0]',
    'https://lightwave-media.site/app',
  ],
  [
    'CORS origin that is not a URL',
    dev,
    (e) => (e.cloudflare.media.corsOrigins = ['lightwave-media.site']),
    'cloudflare.media.corsOrigins[0]',
    'lightwave-media.site',
  ],
  [
    'multipart uploads never aborted',
    dev,
    (e) => (e.cloudflare.media.abortIncompleteUploadsAfterDays = 0),
    'cloudflare.media.abortIncompleteUploadsAfterDays',
    0,
  ],
  [
    'expiry rule of zero days',
    dev,
    (e) => (e.cloudflare.media.expiryRules = [{ id: 'x', prefix: '', afterDays: 0 }]),
    'cloudflare.media.expiryRules[0].afterDays',
    0,
  ],
  [
    'malformed Cloudflare account id',
    dev,
    (e) => (e.cloudflare.accountId = 'my-account'),
    'cloudflare.accountId',
    'my-account',
  ],
  ['malformed zone id', dev, (e) => (e.cloudflare.cdn.zoneId = 'zone'), 'cloudflare.cdn.zoneId', 'zone'],
  [
    'CDN domain outside the zone',
    dev,
    (e) => (e.cloudflare.cdn.domain = 'cdn.lightwave.media'),
    'cloudflare.cdn.domain',
    'cdn.lightwave.media',
  ],
  [
    'CDN domain two levels below the zone',
    dev,
    (e) => (e.cloudflare.cdn.domain = 'cdn.dev.lightwave-media.site'),
    'cloudflare.cdn.domain',
    'cdn.dev.lightwave-media.site',
  ],
  [
    'CDN domain that is the zone apex',
    dev,
    (e) => (e.cloudflare.cdn.domain = 'lightwave-media.site'),
    'cloudflare.cdn.domain',
    'lightwave-media.site',
  ],
  [
    'TLS 1.0 on the CDN',
    dev,
    (e) => (e.cloudflare.cdn.minTlsVersion = '1.0' as never),
    'cloudflare.cdn.minTlsVersion',
    '1.0',
  ],
  [
    'TLS 1.1 on the CDN',
    dev,
    (e) => (e.cloudflare.cdn.minTlsVersion = '1.1' as never),
    'cloudflare.cdn.minTlsVersion',
    '1.1',
  ],
  [
    'edge TTL of 10 seconds',
    dev,
    (e) => (e.cloudflare.cdn.edgeTtlSeconds = 10),
    'cloudflare.cdn.edgeTtlSeconds',
    10,
  ],
  [
    'browser TTL over a year',
    dev,
    (e) => (e.cloudflare.cdn.browserTtlSeconds = 40_000_000),
    'cloudflare.cdn.browserTtlSeconds',
    40_000_000,
  ],
  // --- checks that had no failing case before ---
  ['state in a malformed region', dev, (e) => (e.state.region = 'EU'), 'state.region', 'EU'],
  [
    'tag value over 256 characters',
    dev,
    (e) => (e.tags.Owner = 'x'.repeat(257)),
    'tags.Owner',
    'x'.repeat(257),
  ],
  [
    'idle transactions never cut',
    dev,
    (e) => (e.database.parameters.idleInTransactionSessionTimeoutMs = 0),
    'database.parameters.idleInTransactionSessionTimeoutMs',
    0,
  ],
  [
    'provider host with a space',
    dev,
    (e) => (e.databaseAccess.connection.host = 'db host'),
    'databaseAccess.connection.host',
    'db host',
  ],
  [
    'provider port 0',
    dev,
    (e) => (e.databaseAccess.connection.port = 0),
    'databaseAccess.connection.port',
    0,
  ],
  [
    'provider connect timeout of 0 seconds',
    dev,
    (e) => (e.databaseAccess.connection.connectTimeoutSeconds = 0),
    'databaseAccess.connection.connectTimeoutSeconds',
    0,
  ],
  [
    'login role without a statement timeout',
    dev,
    (e) => Object.assign(e.databaseAccess.roles[1], { statementTimeoutMs: 0 }),
    'databaseAccess.roles[1].statementTimeoutMs',
    0,
  ],
  [
    'reader listed twice',
    dev,
    (e) => (e.databaseAccess.schemas[0].readers = ['django_user', 'django_user']),
    'databaseAccess.schemas[0].readers',
    'django_user',
  ],
  [
    'EKS cluster name with a space',
    dev,
    (e) => (e.cluster.eksClusterName = 'lightwave dev'),
    'cluster.eksClusterName',
    'lightwave dev',
  ],
  [
    'Pod Security version that is not a Kubernetes minor',
    dev,
    (e) => (e.cluster.namespaces[0].podSecurity.version = 'v2.0.1'),
    'cluster.namespaces[0].podSecurity.version',
    'v2.0.1',
  ],
  [
    'quota of 0 pods',
    dev,
    (e) => (e.cluster.namespaces[0].quota.pods = 0),
    'cluster.namespaces[0].quota.pods',
    0,
  ],
  ...quantityCases(),
  [
    'limit range default request below its minimum',
    dev,
    (e) => (e.cluster.namespaces[0].limitRange.defaultRequest.memory = '32Mi'),
    'cluster.namespaces[0].limitRange.defaultRequest.memory',
    '32Mi',
  ],
  [
    'limit range default limit below its default request',
    dev,
    (e) => (e.cluster.namespaces[0].limitRange.default.memory = '128Mi'),
    'cluster.namespaces[0].limitRange.default.memory',
    '128Mi',
  ],
  [
    'PgBouncer request below the namespace minimum',
    dev,
    (e) => (e.cluster.pgbouncer.resources.requests.memory = '16Mi'),
    'cluster.pgbouncer.resources.requests.memory',
    '16Mi',
  ],
  [
    'PgBouncer limit above the namespace maximum',
    dev,
    (e) => {
      e.cluster.pgbouncer.resources.limits.memory = '3Gi';
      e.cluster.namespaces[2].quota.limits.memory = '16Gi';
    },
    'cluster.pgbouncer.resources.limits.memory',
    '3Gi',
  ],
  [
    'PgBouncer replicas beyond the namespace quota',
    dev,
    (e) => (e.cluster.namespaces[2].quota.limits = { cpu: '0.9', memory: '4Gi' }),
    'cluster.pgbouncer.resources.limits.cpu',
    '500m',
  ],
  [
    'PgBouncer image repository in capitals',
    dev,
    (e) => (e.cluster.pgbouncer.image.repository = 'GHCR.io/PgBouncer'),
    'cluster.pgbouncer.image.repository',
    'GHCR.io/PgBouncer',
  ],
  ['no PgBouncer replica', dev, (e) => (e.cluster.pgbouncer.replicas = 0), 'cluster.pgbouncer.replicas', 0],
  [
    'reserve pool timeout of 0 seconds',
    dev,
    (e) => (e.cluster.pgbouncer.reservePoolTimeoutSeconds = 0),
    'cluster.pgbouncer.reservePoolTimeoutSeconds',
    0,
  ],
  [
    'PgBouncer accepting no client',
    dev,
    (e) => (e.cluster.pgbouncer.maxClientConnections = 0),
    'cluster.pgbouncer.maxClientConnections',
    0,
  ],
  [
    'negative connection headroom',
    dev,
    (e) => (e.cluster.pgbouncer.connectionHeadroom = -1),
    'cluster.pgbouncer.connectionHeadroom',
    -1,
  ],
  [
    'PgBouncer to RDS without TLS',
    dev,
    (e) => (e.cluster.pgbouncer.serverTlsSslMode = 'disable' as never),
    'cluster.pgbouncer.serverTlsSslMode',
    'disable',
  ],
  [
    'app selecting no pods',
    dev,
    (e) => (e.cluster.apps.django.podLabels = {}),
    'cluster.apps.django.podLabels',
    {},
  ],
  [
    'app HTTP port above 65535',
    dev,
    (e) => (e.cluster.apps.django.httpPort = 70000),
    'cluster.apps.django.httpPort',
    70000,
  ],
  [
    'CORS origin listed twice',
    dev,
    (e) =>
      (e.cloudflare.media.corsOrigins = ['https://a.lightwave-media.site', 'https://a.lightwave-media.site']),
    'cloudflare.media.corsOrigins',
    'https://a.lightwave-media.site',
  ],
  [
    'CORS preflight cached over a day',
    dev,
    (e) => (e.cloudflare.media.corsMaxAgeSeconds = 86401),
    'cloudflare.media.corsMaxAgeSeconds',
    86401,
  ],
  [
    'expiry rule id starting with a hyphen',
    dev,
    (e) => (e.cloudflare.media.expiryRules = [{ id: '-tmp', prefix: 'tmp/', afterDays: 7 }]),
    'cloudflare.media.expiryRules[0].id',
    '-tmp',
  ],
  [
    'expiry rule prefix with a leading slash',
    dev,
    (e) => (e.cloudflare.media.expiryRules = [{ id: 'tmp', prefix: '/tmp/', afterDays: 7 }]),
    'cloudflare.media.expiryRules[0].prefix',
    '/tmp/',
  ],
  [
    'expiry rule id used twice',
    dev,
    (e) =>
      (e.cloudflare.media.expiryRules = [
        { id: 'tmp', prefix: 'tmp/', afterDays: 7 },
        { id: 'tmp', prefix: 'cache/', afterDays: 1 },
      ]),
    'cloudflare.media.expiryRules',
    'tmp',
  ],
  [
    'zone name with an underscore',
    dev,
    (e) => (e.cloudflare.cdn.zoneName = 'lightwave_media.site'),
    'cloudflare.cdn.zoneName',
    'lightwave_media.site',
  ],
];

/** Rules across environments: what two environments must never share. */
const acrossEnvironments: FailingCase[] = [
  {
    what: 'two environments share a name',
    envs: () => [dev, withChange(prod, (e) => (e.name = 'dev'))],
    expected: { environment: 'registry', field: 'name', value: 'dev' },
  },
  {
    what: 'dev and prod share a bucket',
    envs: () => [
      withChange(dev, (e) => (e.cloudflare.media.bucketName = prod.cloudflare.media.bucketName)),
      prod,
    ],
    expected: { environment: 'registry', field: 'cloudflare.media.bucketName', value: 'lightwave-media' },
  },
  {
    what: 'dev and prod share a CDN domain',
    envs: () => [withChange(dev, (e) => (e.cloudflare.cdn.domain = prod.cloudflare.cdn.domain)), prod],
    expected: { environment: 'registry', field: 'cloudflare.cdn.domain', value: 'cdn.lightwave-media.site' },
  },
  {
    what: 'two environments share a state object',
    envs: () => [dev, withChange(prod, (e) => (e.state = { ...dev.state }))],
    expected: {
      environment: 'registry',
      field: 'state.bucket + state.key',
      value: `s3://${dev.state.bucket}/${dev.state.key}`,
    },
  },
  {
    what: 'two environments share an RDS identifier in one account and region',
    envs: () => [
      dev,
      withChange(prod, (e) => {
        e.aws = { ...dev.aws };
        e.database.identifier = dev.database.identifier;
      }),
    ],
    expected: {
      environment: 'registry',
      field: 'aws.accountId + aws.region + database.identifier',
      value: `${dev.aws.accountId}/${dev.aws.region}/${dev.database.identifier}`,
    },
  },
  ...[false, true].map((manages) => ({
    what: `${manages ? 'two environments' : 'no environment'} manage the zone's cache rules`,
    envs: () =>
      [dev, prod].map((env) => withChange(env, (e) => (e.cloudflare.cdn.managesZoneCacheRules = manages))),
    expected: {
      environment: 'registry',
      field: 'cloudflare.cdn.managesZoneCacheRules',
      value: manages ? ['dev', 'prod'] : [],
    },
  })),
];

const waiver = (
  what: string,
  w: { rule: string; reason: string; expires: string },
  field: string,
): FailingCase => ({
  what: `a waiver with ${what}`,
  envs: () => [withChange(dev, (e) => (e.policyWaivers = [w])), prod],
  expected: {
    environment: 'dev',
    field,
    value: field.endsWith('rule') ? w.rule : field.endsWith('reason') ? w.reason : w.expires,
  },
});

/** Policy waivers (policy/waivers.ts, validated with `waiverRules`): a known rule, a reason, a date not passed. */
export const waiverCases: readonly FailingCase[] = [
  waiver(
    'an unknown rule',
    { rule: 'LW-NOPE-001', reason: 'a reason that is long enough', expires: '2099-01-01' },
    'policyWaivers[0].rule',
  ),
  waiver(
    'a short reason',
    { rule: 'LW-RDS-006', reason: 'budget', expires: '2099-01-01' },
    'policyWaivers[0].reason',
  ),
  waiver(
    'a malformed expiry',
    { rule: 'LW-RDS-006', reason: 'a reason that is long enough', expires: '31/12/2099' },
    'policyWaivers[0].expires',
  ),
  waiver(
    'an impossible date',
    { rule: 'LW-RDS-006', reason: 'a reason that is long enough', expires: '2099-02-30' },
    'policyWaivers[0].expires',
  ),
  {
    what: 'an expired waiver, naming the day it is judged on',
    envs: () => [dev, prod],
    today: '2027-07-01',
    expected: {
      environment: 'prod',
      field: 'policyWaivers[1].expires',
      value: '2027-03-31',
      allowed: 'a date not before today (2027-07-01): the waiver has expired, decide again',
    },
  },
];

export const failingCases: readonly FailingCase[] = [
  ...changedEnvironments.map(([what, base, change, field, value]): FailingCase => ({
    what,
    envs: () => [withChange(base, change)],
    expected: { field, value },
  })),
  ...acrossEnvironments,
];

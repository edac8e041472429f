/**
 * Every failing case of the validation tests: inputs that must be refused, with the failure they must produce.
 * Shared by validation.test.ts, local-validation.test.ts and policy/waivers.test.ts (each case fails as expected)
 * and validation-coverage.test.ts (every check of environments/rules, environments/rules/local and
 * policy/waivers.ts is the expected failure of at least one case).
 */
import type { EnvironmentConfig } from '../../environments/config';
import { dev, devValues } from '../../environments/dev';
import { local } from '../../environments/local';
import type { LocalConfig } from '../../environments/parts/local';
import { prod, prodValues } from '../../environments/prod';
import { defineEnvironment } from '../../environments/define-environment';
import { development } from '../../environments/tiers/development';
import type { EnvironmentValues } from '../../environments/tiers/environment-values';
import { production } from '../../environments/tiers/production';
import { connectionBudgetOf } from '../../environments/connection-budget';
import { budgetSummary, CONNECTION_BUDGET_FIELD } from '../../environments/rules/connection-budget';
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

/** A config object seen as open, to plant a key its interface does not declare. */
const loose = (part: object) => part as Record<string, unknown>;

const PUBLIC_URL = 'cluster.apps.payload.settings.NEXT_PUBLIC_SERVER_URL';
const FIRST_LOGIN = dev.databaseAccess.roles.findIndex((r) => r.login);

/** One guard of the production tier weakened in prod, within its own rule's bounds: the tier-guard rule alone refuses it. */
function tierGuardCases(): [string, EnvironmentConfig, Change, string, unknown][] {
  const weakened: [string, (e: Writable<EnvironmentConfig>) => void, number][] = [
    ['database.logRetentionDays', (e) => (e.database.logRetentionDays = 14), 14],
    ['database.kmsDeletionWindowDays', (e) => (e.database.kmsDeletionWindowDays = 7), 7],
    [
      'dataProtection.backup.daily.drRetentionDays',
      (e) => (e.dataProtection.backup.daily.drRetentionDays = 10),
      10,
    ],
    [
      'dataProtection.backup.monthly.retentionDays',
      (e) => (e.dataProtection.backup.monthly.retentionDays = 120),
      120,
    ],
    [
      'dataProtection.backup.monthly.drRetentionDays',
      (e) => (e.dataProtection.backup.monthly.drRetentionDays = 120),
      120,
    ],
    [
      'dataProtection.backup.vaultLock.changeableForDays',
      (e) => (e.dataProtection.backup.vaultLock = { mode: 'compliance', changeableForDays: 30 }),
      30,
    ],
    [
      'dataProtection.mediaCopy.previousVersionRetentionDays',
      (e) => (e.dataProtection.mediaCopy.previousVersionRetentionDays = 60),
      60,
    ],
    [
      'observability.auditTrail.logRetentionDays',
      (e) => (e.observability.auditTrail.logRetentionDays = 180),
      180,
    ],
    ['observability.alarms.sustainMinutes', (e) => (e.observability.alarms.sustainMinutes = 15), 15],
  ];
  return weakened.map(([field, change, value]) => [
    `prod weakening its tier's ${field}`,
    prod,
    change,
    `(${prod.tier} tier) ${field}`,
    value,
  ]);
}

/** A change of `base` the connection budget refuses: its one error, with the budget's summary as the value. */
function budgetCase(
  what: string,
  base: EnvironmentConfig,
  change: Change,
): [string, EnvironmentConfig, Change, string, unknown] {
  return [what, base, change, CONNECTION_BUDGET_FIELD, budgetSummary(withChange(base, change))];
}
const SHARED = dev.cluster.namespaces.findIndex((n) => n.name === dev.cluster.platformNamespace.name);

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
    ['cluster.redis.resources.requests', (e) => e.cluster.redis.resources.requests],
    ['cluster.redis.resources.limits', (e) => e.cluster.redis.resources.limits],
    ['dataProtection.mediaCopy.resources.requests', (e) => e.dataProtection.mediaCopy.resources.requests],
    ['dataProtection.mediaCopy.resources.limits', (e) => e.dataProtection.mediaCopy.resources.limits],
    ...(['pgbouncerExporter', 'postgresExporter'] as const).flatMap((exporter) =>
      (['requests', 'limits'] as const).map(
        (kind): [string, (e: Writable<EnvironmentConfig>) => Quantities] => [
          `observability.${exporter}.resources.${kind}`,
          (e) => e.observability[exporter].resources[kind],
        ],
      ),
    ),
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
    'a database subnet CIDR per private subnet missing',
    dev,
    (e) => (e.network.databaseSubnetCidrs = ['10.10.0.0/20']),
    'network.databaseSubnetCidrs',
    ['10.10.0.0/20'],
  ],
  [
    'a database subnet CIDR outside the VPC',
    prod,
    (e) => (e.network.databaseSubnetCidrs = ['10.20.0.0/20', '10.99.16.0/20']),
    'network.databaseSubnetCidrs[1]',
    '10.99.16.0/20',
  ],
  ['no database subnet', dev, (e) => (e.network.databaseSubnetCidrs = []), 'network.databaseSubnetCidrs', []],
  [
    'no load balancer subnet',
    dev,
    (e) => (e.network.loadBalancerSubnetCidrs = []),
    'network.loadBalancerSubnetCidrs',
    [],
  ],
  [
    'the load balancer subnets given as the whole VPC (every pod would reach the apps)',
    prod,
    (e) => (e.network.loadBalancerSubnetCidrs = ['10.20.0.0/16']),
    'network.loadBalancerSubnetCidrs[0]',
    '10.20.0.0/16',
  ],
  [
    'the load balancer subnets given as two halves of the VPC (together every pod would reach the apps)',
    prod,
    (e) => (e.network.loadBalancerSubnetCidrs = ['10.20.0.0/17', '10.20.128.0/17']),
    'network.loadBalancerSubnetCidrs',
    ['10.20.0.0/17', '10.20.128.0/17'],
  ],
  [
    'the database subnets given as two halves of the VPC',
    prod,
    (e) => (e.network.databaseSubnetCidrs = ['10.20.0.0/17', '10.20.128.0/17']),
    'network.databaseSubnetCidrs',
    ['10.20.0.0/17', '10.20.128.0/17'],
  ],
  [
    'the load balancer subnets equal to the private (database) subnets',
    prod,
    (e) => (e.network.loadBalancerSubnetCidrs = [...e.network.databaseSubnetCidrs]),
    'network.loadBalancerSubnetCidrs[0]',
    '10.20.0.0/20',
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
    (e) => (e.databaseAccess.schemas[1].readers = ['analytics']),
    'databaseAccess.schemas[1].readers[0]',
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
    'namespace name that is not a DNS-1123 label',
    dev,
    (e) => (e.cluster.namespaces[0].name = 'Django_API'),
    'cluster.namespaces[0].name',
    'Django_API',
  ],
  [
    'namespace declared twice',
    dev,
    (e) => (e.cluster.namespaces[1].name = dev.cluster.namespaces[0].name),
    'cluster.namespaces',
    dev.cluster.namespaces[0].name,
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
    (e) => (e.cluster.namespaces[SHARED].podSecurity.warn = 'baseline'),
    `cluster.namespaces[${SHARED}].podSecurity.warn`,
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
    (e) => (e.cluster.namespaces[0].quota.requests.cpu = '50m'),
    'cluster.namespaces[0].quota.requests.cpu',
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
    'HTTPS egress to a range wider than the VPC',
    prod,
    (e) => (e.cluster.apps.payload.httpsEgressCidrs = ['10.0.0.0/8']),
    'cluster.apps.payload.httpsEgressCidrs[0]',
    '10.0.0.0/8',
  ],
  [
    'HTTPS egress to two halves of the VPC (together the VPC)',
    prod,
    (e) => (e.cluster.apps.payload.httpsEgressCidrs = ['10.20.128.0/17', '10.20.0.0/17']),
    'cluster.apps.payload.httpsEgressCidrs',
    ['10.20.128.0/17', '10.20.0.0/17'],
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
      e.cluster.namespaces[SHARED].quota.limits.memory = '16Gi';
    },
    'cluster.pgbouncer.resources.limits.memory',
    '3Gi',
  ],
  [
    'PgBouncer replicas beyond the namespace quota',
    dev,
    (e) => (e.cluster.namespaces[2].quota.limits = { cpu: '1', memory: '4Gi' }),
    'cluster.namespaces[2].quota.limits.cpu',
    '1',
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
  [
    'repository name malformed',
    dev,
    (e) => (e.delivery.repository = 'lightwave-media/platform/extra'),
    'delivery.repository',
    'lightwave-media/platform/extra',
  ],
  [
    'repository owner with a leading hyphen',
    dev,
    (e) => (e.delivery.repository = '-lightwave/platform'),
    'delivery.repository',
    '-lightwave/platform',
  ],
  [
    'deploy branch with a wildcard',
    dev,
    (e) => (e.delivery.deployBranch = 'release/*'),
    'delivery.deployBranch',
    'release/*',
  ],
  [
    'GitHub Environment with a colon (ambiguous OIDC subject)',
    dev,
    (e) => (e.delivery.githubEnvironment = 'prod:eu'),
    'delivery.githubEnvironment',
    'prod:eu',
  ],
  [
    'prod plan role reachable from any pull request (no approval gate)',
    prod,
    (e) => delete e.delivery.planRole.githubEnvironment,
    'delivery.planRole.githubEnvironment',
    undefined,
  ],
  [
    'plan gate with a wildcard (ambiguous OIDC subject)',
    prod,
    (e) => (e.delivery.planRole.githubEnvironment = 'prod-*'),
    'delivery.planRole.githubEnvironment',
    'prod-*',
  ],
  [
    'plan role given a write action',
    dev,
    (e) => e.delivery.planRole.readActions.push('rds:ModifyDBInstance'),
    `delivery.planRole.readActions[${dev.delivery.planRole.readActions.length}]`,
    'rds:ModifyDBInstance',
  ],
  [
    'plan role given a service-wide wildcard',
    dev,
    (e) => e.delivery.planRole.readActions.push('rds:*'),
    `delivery.planRole.readActions[${dev.delivery.planRole.readActions.length}]`,
    'rds:*',
  ],
  [
    'plan role given a read of secrets on every resource',
    dev,
    (e) => e.delivery.planRole.readActions.push('secretsmanager:Get*'),
    `delivery.planRole.readActions[${dev.delivery.planRole.readActions.length}]`,
    'secretsmanager:Get*',
  ],
  [
    'plan role given the state bucket directly',
    dev,
    (e) => e.delivery.planRole.readActions.push('s3:ListBucket'),
    `delivery.planRole.readActions[${dev.delivery.planRole.readActions.length}]`,
    's3:ListBucket',
  ],
  [
    'deploy role given IAM actions (IAM is scoped by the bootstrap stack)',
    dev,
    (e) => e.delivery.deployRole.serviceActions.push('iam:PassRole'),
    `delivery.deployRole.serviceActions[${dev.delivery.deployRole.serviceActions.length}]`,
    'iam:PassRole',
  ],
  [
    'deploy role given everything',
    dev,
    (e) => e.delivery.deployRole.serviceActions.push('*'),
    `delivery.deployRole.serviceActions[${dev.delivery.deployRole.serviceActions.length}]`,
    '*',
  ],
  [
    'deploy role given a service-wide wildcard',
    dev,
    (e) => e.delivery.deployRole.serviceActions.push('rds:*'),
    `delivery.deployRole.serviceActions[${dev.delivery.deployRole.serviceActions.length}]`,
    'rds:*',
  ],
  [
    'plan and deploy role with one name',
    dev,
    (e) => (e.delivery.deployRole.name = e.delivery.planRole.name),
    'delivery.deployRole.name',
    'lightwave-dev-plan',
  ],
  [
    'administrator in another account',
    dev,
    (e) => (e.delivery.administratorArns = ['arn:aws:iam::999999999999:role/admin']),
    'delivery.administratorArns[0]',
    'arn:aws:iam::999999999999:role/admin',
  ],
  ['no administrator', dev, (e) => (e.delivery.administratorArns = []), 'delivery.administratorArns', []],
  [
    'an administrator listed twice',
    dev,
    (e) => e.delivery.administratorArns.push(dev.delivery.administratorArns[0]),
    'delivery.administratorArns',
    [dev.delivery.administratorArns[0], dev.delivery.administratorArns[0]],
  ],
  [
    'a deploy role name with a space',
    dev,
    (e) => (e.delivery.deployRole.name = 'lightwave dev deploy'),
    'delivery.deployRole.name',
    'lightwave dev deploy',
  ],
  [
    'malformed tunnel instance id',
    dev,
    (e) => (e.delivery.databaseTunnelInstanceId = 'i-xyz'),
    'delivery.databaseTunnelInstanceId',
    'i-xyz',
  ],
  [
    'unknown bootstrap backend',
    dev,
    (e) => (e.delivery.bootstrapBackend = 'gcs' as never),
    'delivery.bootstrapBackend',
    'gcs',
  ],
  [
    'state key alias in the AWS namespace',
    dev,
    (e) => (e.state.kmsKeyAlias = 'alias/aws/s3'),
    'state.kmsKeyAlias',
    'alias/aws/s3',
  ],
  [
    'replaced state versions kept a week only',
    dev,
    (e) => (e.state.noncurrentVersionExpirationDays = 7),
    'state.noncurrentVersionExpirationDays',
    7,
  ],
  budgetCase('connection limits above max_connections', dev, (e) =>
    Object.assign(e.databaseAccess.roles[FIRST_LOGIN], {
      connectionLimit: e.database.parameters.maxConnections,
    }),
  ),
  budgetCase('pools beyond the connection budget', dev, (e) => {
    e.cluster.pgbouncer.defaultPoolSize = e.database.parameters.maxConnections;
  }),
  [
    'max_connections above what the instance class holds (the nominal-memory formula)',
    dev,
    (e) => (e.database.parameters.maxConnections = 112),
    'database.parameters.maxConnections',
    112,
  ],
  [
    'max_connections no larger than the superuser reserve',
    dev,
    (e) => (e.database.parameters.maxConnections = 5),
    'database.parameters.maxConnections',
    5,
  ],
  [
    'a query wait timeout that gives up before the reserve pool opens',
    dev,
    (e) => (e.cluster.pgbouncer.queryWaitTimeoutSeconds = 3),
    'cluster.pgbouncer.queryWaitTimeoutSeconds',
    3,
  ],
  [
    'a query wait timeout that lets requests hang',
    dev,
    (e) => (e.cluster.pgbouncer.queryWaitTimeoutSeconds = 600),
    'cluster.pgbouncer.queryWaitTimeoutSeconds',
    600,
  ],
  [
    'a drain too short for a statement and a connection max age',
    dev,
    (e) => (e.cluster.pgbouncer.drainSeconds = 30),
    'cluster.pgbouncer.drainSeconds',
    30,
  ],
  [
    'a drain of zero seconds',
    dev,
    (e) => (e.cluster.pgbouncer.drainSeconds = 0),
    'cluster.pgbouncer.drainSeconds',
    0,
  ],
  budgetCase('role connection limit below its PgBouncer pools', dev, (e) => {
    const pg = e.cluster.pgbouncer;
    const pools = pg.replicas * (pg.defaultPoolSize + pg.reservePoolSize + pg.sessionPoolSize);
    Object.assign(e.databaseAccess.roles[FIRST_LOGIN], { connectionLimit: pools - 1 });
  }),
  [
    'the trail delivers into the state bucket',
    prod,
    (e) => (e.observability.auditTrail.bucketName = prod.state.bucket),
    'observability.auditTrail.bucketName',
    prod.state.bucket,
  ],
  [
    'the trail bucket name is not an S3 name',
    dev,
    (e) => (e.observability.auditTrail.bucketName = 'Audit_Logs'),
    'observability.auditTrail.bucketName',
    'Audit_Logs',
  ],
  [
    'trail logs kept less than the free event history',
    dev,
    (e) => (e.observability.auditTrail.logRetentionDays = 30),
    'observability.auditTrail.logRetentionDays',
    30,
  ],
  [
    'nobody receives the alerts',
    dev,
    (e) => (e.observability.recipients = { emails: [], httpsEndpoints: [] }),
    'observability.recipients',
    { emails: [], httpsEndpoints: [] },
  ],
  [
    'an email is malformed',
    dev,
    (e) => (e.observability.recipients.emails = ['on-call']),
    'observability.recipients.emails[0]',
    'on-call',
  ],
  [
    'an HTTPS endpoint carries a key in its query string',
    prod,
    (e) => (e.observability.recipients.httpsEndpoints = ['https://alerts.example.com/sns?apiKey=abc']),
    'observability.recipients.httpsEndpoints[0]',
    'https://alerts.example.com/sns?apiKey=abc',
  ],
  [
    'an endpoint is plain HTTP',
    prod,
    (e) => (e.observability.recipients.httpsEndpoints = ['http://alerts.example.com/sns']),
    'observability.recipients.httpsEndpoints[0]',
    'http://alerts.example.com/sns',
  ],
  [
    'a recipient is listed twice',
    dev,
    (e) => (e.observability.recipients.emails = ['a@lightwave-media.site', 'a@lightwave-media.site']),
    'observability.recipients',
    'a@lightwave-media.site',
  ],
  [
    'the saturation share is 100 %',
    dev,
    (e) => (e.observability.alarms.saturationShare = 1),
    'observability.alarms.saturationShare',
    1,
  ],
  [
    'the reserve share is 0',
    dev,
    (e) => (e.observability.alarms.reserveShare = 0),
    'observability.alarms.reserveShare',
    0,
  ],
  [
    'the sustain window is a fraction of a minute',
    prod,
    (e) => (e.observability.alarms.sustainMinutes = 0.5),
    'observability.alarms.sustainMinutes',
    0.5,
  ],
  [
    'the Prometheus namespace is not a DNS label',
    dev,
    (e) => (e.observability.prometheus.namespace = 'Monitoring'),
    'observability.prometheus.namespace',
    'Monitoring',
  ],
  [
    'the Prometheus selector is empty (every pod would be admitted)',
    dev,
    (e) => (e.observability.prometheus.podLabels = {}),
    'observability.prometheus.podLabels',
    {},
  ],
  [
    'an exporter digest is malformed',
    prod,
    (e) => (e.observability.postgresExporter.image.digest = 'sha256:abc'),
    'observability.postgresExporter.image.digest',
    'sha256:abc',
  ],
  [
    "PgBouncer, its sidecars and the Postgres exporter exceed the namespace's quota",
    dev,
    (e) => (e.observability.pgbouncerExporter.resources.limits.memory = '2Gi'),
    'cluster.platformNamespace.quota.limits.memory', // the namespace's quota, reported where it is written
    '4Gi',
  ],
  [
    'the monitoring role takes a reserved name',
    dev,
    (e) => (e.databaseAccess.monitoringRole.name = 'pg_monitor'),
    'databaseAccess.monitoringRole.name',
    'pg_monitor',
  ],
  [
    'the monitoring role takes an application role’s name',
    dev,
    (e) => (e.databaseAccess.monitoringRole.name = 'payload_user'),
    'databaseAccess.monitoringRole.name',
    'payload_user',
  ],
  [
    "the Postgres exporter's pg_stat_statements is not among the extensions",
    dev,
    (e) => (e.databaseAccess.extensions.names = ['pg_trgm', 'unaccent']),
    'databaseAccess.extensions.names',
    ['pg_trgm', 'unaccent'],
  ],
  [
    'the monitoring role may hold many connections',
    prod,
    (e) => (e.databaseAccess.monitoringRole.connectionLimit = 50),
    'databaseAccess.monitoringRole.connectionLimit',
    50,
  ],
  [
    'the monitoring role has a sub-second statement timeout',
    dev,
    (e) => (e.databaseAccess.monitoringRole.statementTimeoutMs = 100),
    'databaseAccess.monitoringRole.statementTimeoutMs',
    100,
  ],
  budgetCase("the operators' headroom breaks the connection budget", dev, (e) => {
    const { needed, available } = connectionBudgetOf(e);
    e.cluster.pgbouncer.connectionHeadroom += available - needed + 1;
  }),
  [
    'a role name with a space',
    dev,
    (e) => (e.delivery.planRole.name = 'lightwave dev plan'),
    'delivery.planRole.name',
    'lightwave dev plan',
  ],
  [
    'a plan role without read actions',
    dev,
    (e) => (e.delivery.planRole.readActions = []),
    'delivery.planRole.readActions',
    [],
  ],
  [
    'a deploy role without actions',
    dev,
    (e) => (e.delivery.deployRole.serviceActions = []),
    'delivery.deployRole.serviceActions',
    [],
  ],
  ...(['pgbouncerExporter', 'postgresExporter'] as const).flatMap(
    (exporter): [string, EnvironmentConfig, Change, string, unknown][] => [
      [
        `the ${exporter} image repository has upper case`,
        dev,
        (e) => (e.observability[exporter].image.repository = 'Prometheus/Exporter'),
        `observability.${exporter}.image.repository`,
        'Prometheus/Exporter',
      ],
      [
        `the ${exporter} image floats on latest`,
        dev,
        (e) => (e.observability[exporter].image.tag = 'latest'),
        `observability.${exporter}.image.tag`,
        'latest',
      ],
      [
        `the ${exporter} memory limit is below its request`,
        dev,
        (e) => (e.observability[exporter].resources.limits.memory = '16Mi'),
        `observability.${exporter}.resources.limits.memory`,
        '16Mi',
      ],
    ],
  ),
  [
    "the sidecar exporter's limit is above the namespace's limit range (the quota has room)",
    dev,
    (e) => {
      e.observability.pgbouncerExporter.resources.limits.cpu = '2';
      e.cluster.namespaces[2].quota.limits.cpu = '16';
    },
    'observability.pgbouncerExporter.resources.limits.cpu',
    '2',
  ],
  [
    "the Postgres exporter's limit is above the namespace's limit range (the quota has room)",
    dev,
    (e) => (e.observability.postgresExporter.resources.limits.memory = '3Gi'),
    'observability.postgresExporter.resources.limits.memory',
    '3Gi',
  ],
  [
    'a Prometheus pod label value is no label value',
    dev,
    (e) => (e.observability.prometheus.podLabels = { 'app.kubernetes.io/name': 'prome theus' }),
    'observability.prometheus.podLabels.app.kubernetes.io/name',
    'prome theus',
  ],
  // The application contract, Redis and the namespace quota (issue 10)
  [
    'a contract variable has no source (its config setting is missing)',
    prod,
    (e) => (e.cluster.apps.payload.settings = {}),
    PUBLIC_URL,
    undefined,
  ],
  [
    "Payload's public URL is plain http",
    prod,
    (e) => (e.cluster.apps.payload.settings = { NEXT_PUBLIC_SERVER_URL: 'http://cms.lightwave-media.site' }),
    PUBLIC_URL,
    'http://cms.lightwave-media.site',
  ],
  [
    "Payload's public URL has a trailing slash",
    dev,
    (e) =>
      (e.cluster.apps.payload.settings = { NEXT_PUBLIC_SERVER_URL: 'https://cms-dev.lightwave-media.site/' }),
    PUBLIC_URL,
    'https://cms-dev.lightwave-media.site/',
  ],
  [
    'a setting the contract does not list',
    dev,
    (e) => (e.cluster.apps.django.settings = { DEBUG: 'true' }),
    'cluster.apps.django.settings.DEBUG',
    'true',
  ],
  [
    'a Service name that is not a DNS label',
    dev,
    (e) => (e.cluster.apps.payload.serviceName = 'Payload_CMS'),
    'cluster.apps.payload.serviceName',
    'Payload_CMS',
  ],
  [
    'web pods carry no label of their own (workers would get ingress)',
    dev,
    (e) => (e.cluster.apps.django.serverPodLabels = {}),
    'cluster.apps.django.serverPodLabels',
    {},
  ],
  [
    'a web-pod label that podLabels already sets',
    dev,
    (e) => (e.cluster.apps.django.serverPodLabels = { 'app.kubernetes.io/name': 'django-web' }),
    'cluster.apps.django.serverPodLabels.app.kubernetes.io/name',
    'django-web',
  ],
  [
    'a Redis server the chart does not know',
    dev,
    (e) => (e.cluster.redis.server = 'keydb' as never),
    'cluster.redis.server',
    'keydb',
  ],
  [
    'Redis older than 7.0',
    dev,
    (e) => (e.cluster.redis.version = '6.2.14'),
    'cluster.redis.version',
    '6.2.14',
  ],
  [
    'the Redis image tag is latest',
    dev,
    (e) => (e.cluster.redis.image.tag = 'latest'),
    'cluster.redis.image.tag',
    'latest',
  ],
  [
    'the Redis image tag is another version than the config is rendered for',
    prod,
    (e) => (e.cluster.redis.image.tag = '7.2.4-alpine'),
    'cluster.redis.image.tag',
    '7.2.4-alpine',
  ],
  [
    'a malformed Redis digest',
    dev,
    (e) => (e.cluster.redis.image.digest = 'sha256:abc'),
    'cluster.redis.image.digest',
    'sha256:abc',
  ],
  [
    'Redis in a namespace that does not enforce restricted',
    dev,
    (e) => (e.cluster.redis.namespace = 'payload-cms'),
    'cluster.redis.namespace',
    'payload-cms',
  ],
  [
    'Redis running as a low UID',
    dev,
    (e) => (e.cluster.redis.runAsUser = 999),
    'cluster.redis.runAsUser',
    999,
  ],
  [
    'an eviction policy that refuses writes when full',
    prod,
    (e) => (e.cluster.redis.evictionPolicy = 'noeviction' as never),
    'cluster.redis.evictionPolicy',
    'noeviction',
  ],
  [
    'Redis memory above its container limit',
    prod,
    (e) => (e.cluster.redis.maxMemory = '2Gi'),
    'cluster.redis.maxMemory',
    '2Gi',
  ],
  [
    'Redis memory leaving no room for overhead (all of the limit)',
    dev,
    (e) => (e.cluster.redis.maxMemory = '256Mi'),
    'cluster.redis.maxMemory',
    '256Mi',
  ],
  [
    'Redis memory that is not a quantity',
    dev,
    (e) => (e.cluster.redis.maxMemory = '192MB'),
    'cluster.redis.maxMemory',
    '192MB',
  ],
  [
    'a Redis limit below its request',
    dev,
    (e) => (e.cluster.redis.resources.limits.memory = '128Mi'),
    'cluster.redis.resources.limits.memory',
    '128Mi',
  ],
  [
    'a Redis limit above the namespace limit range',
    dev,
    (e) => (e.cluster.redis.resources.limits.cpu = '2'),
    'cluster.redis.resources.limits.cpu',
    '2',
  ],
  [
    'Redis beyond the namespace quota, next to PgBouncer and the exporters',
    dev,
    (e) => {
      e.cluster.namespaces[SHARED].quota.limits.memory = '2Gi';
      e.cluster.redis.resources = {
        requests: { cpu: '50m', memory: '2Gi' },
        limits: { cpu: '250m', memory: '2Gi' },
      };
      e.cluster.redis.maxMemory = '1Gi';
    },
    `cluster.namespaces[${SHARED}].quota.limits.memory`,
    '2Gi',
  ],
  [
    'an extension RDS for PostgreSQL 15 does not offer',
    prod,
    (e) => (e.databaseAccess.extensions.names = ['pg_trgm', 'timescaledb']),
    'databaseAccess.extensions.names[1]',
    'timescaledb',
  ],
  [
    'an extension whose library the parameter group does not preload',
    dev,
    (e) => (e.databaseAccess.extensions.names = ['pg_cron']),
    'databaseAccess.extensions.names[0]',
    'pg_cron',
  ],
  [
    'an extension listed twice',
    dev,
    (e) => (e.databaseAccess.extensions.names = ['unaccent', 'unaccent']),
    'databaseAccess.extensions.names',
    'unaccent',
  ],
  [
    'extensions in schema public',
    dev,
    (e) => (e.databaseAccess.extensions.schema = 'public'),
    'databaseAccess.extensions.schema',
    'public',
  ],
  [
    "extensions in an application's schema",
    prod,
    (e) => (e.databaseAccess.extensions.schema = 'payload'),
    'databaseAccess.extensions.schema',
    'payload',
  ],
  [
    "a whole-schema reader of Payload's schema, which has sensitive tables",
    prod,
    (e) => (e.databaseAccess.schemas[0].readers = ['django_user']),
    'databaseAccess.schemas[0].readers[0]',
    'django_user',
  ],
  [
    "Django's read switch listing Payload's users table",
    prod,
    (e) => (e.databaseAccess.schemas[0].tableReaders = [{ role: 'django_user', tables: ['pages', 'users'] }]),
    'databaseAccess.schemas[0].tableReaders[0].tables[1]',
    'users',
  ],
  [
    'a table reader that is not a login role',
    dev,
    (e) => {
      e.databaseAccess.roles.push({ name: 'auditor', login: false });
      e.databaseAccess.schemas[0].tableReaders = [{ role: 'auditor', tables: ['pages'] }];
    },
    'databaseAccess.schemas[0].tableReaders[0].role',
    'auditor',
  ],
  [
    'a table reader that owns the schema',
    dev,
    (e) => (e.databaseAccess.schemas[0].tableReaders = [{ role: 'payload_user', tables: ['pages'] }]),
    'databaseAccess.schemas[0].tableReaders[0].role',
    'payload_user',
  ],
  [
    'a table reader with no table (the switch is off by removing the entry)',
    dev,
    (e) => (e.databaseAccess.schemas[0].tableReaders = [{ role: 'django_user', tables: [] }]),
    'databaseAccess.schemas[0].tableReaders[0].tables',
    [],
  ],
  [
    'a table name that is not an identifier',
    dev,
    (e) => (e.databaseAccess.schemas[0].tableReaders = [{ role: 'django_user', tables: ['pages; DROP'] }]),
    'databaseAccess.schemas[0].tableReaders[0].tables[0]',
    'pages; DROP',
  ],
  budgetCase('a session pool that breaks the connection budget', dev, (e) => {
    e.cluster.pgbouncer.sessionPoolSize = e.database.parameters.maxConnections;
  }),
  [
    'no session pool (the apps are handed its URL)',
    dev,
    (e) => (e.cluster.pgbouncer.sessionPoolSize = 0),
    'cluster.pgbouncer.sessionPoolSize',
    0,
  ],
  [
    "prod's pool raised just past the budget (once blamed on the session pool)",
    prod,
    (e) => (e.cluster.pgbouncer.defaultPoolSize = 46),
    CONNECTION_BUDGET_FIELD,
    '351 server connections needed, 345 available; 174 per login role, above its connection limit',
  ],
  [
    "prod's pool raised far past the budget (once blamed also on the monitoring role)",
    prod,
    (e) => (e.cluster.pgbouncer.defaultPoolSize = 60),
    CONNECTION_BUDGET_FIELD,
    '435 server connections needed, 345 available; 216 per login role, above its connection limit',
  ],
  [
    'a session pool beyond a role connection limit',
    prod,
    (e) => (e.cluster.pgbouncer.sessionPoolSize = 5),
    CONNECTION_BUDGET_FIELD,
    '333 server connections needed, 345 available; 165 per login role, above its connection limit',
  ],
  [
    'the platform pods in shared need more cpu limits than its quota',
    dev,
    (e) => (e.cluster.namespaces[SHARED].quota.limits.cpu = '1500m'),
    `cluster.namespaces[${SHARED}].quota.limits.cpu`,
    '1500m',
  ],
  [
    'the platform pods in shared request more memory than its quota',
    prod,
    (e) => (e.cluster.redis.resources.requests.memory = '8Gi'),
    'cluster.platformNamespace.quota.requests.memory',
    '8Gi',
  ],
  [
    'the media copy job pushes the platform pods in shared past its cpu limits quota',
    dev,
    // PgBouncer 2 × 500m + sidecars 2 × 100m + Postgres exporter 200m + Redis 250m = 1650m fits 2; the job's 500m does not.
    (e) => (e.cluster.namespaces[SHARED].quota.limits.cpu = '2'),
    `cluster.namespaces[${SHARED}].quota.limits.cpu`,
    '2',
  ],
  [
    'Redis image repository in capitals',
    dev,
    (e) => (e.cluster.redis.image.repository = 'Redis'),
    'cluster.redis.image.repository',
    'Redis',
  ],
  [
    "Redis requesting less memory than the namespace's limit range minimum",
    dev,
    (e) => (e.cluster.redis.resources.requests.memory = '16Mi'),
    'cluster.redis.resources.requests.memory',
    '16Mi',
  ],
  [
    'a sensitive table name in capitals',
    dev,
    (e) => e.databaseAccess.schemas[0].sensitiveTables?.push('Users'),
    `databaseAccess.schemas[0].sensitiveTables[${dev.databaseAccess.schemas[0].sensitiveTables?.length}]`,
    'Users',
  ],
  [
    "a table listed twice in Django's read switch",
    dev,
    (e) => (e.databaseAccess.schemas[0].tableReaders = [{ role: 'django_user', tables: ['pages', 'pages'] }]),
    'databaseAccess.schemas[0].tableReaders[0].tables',
    'pages',
  ],
  [
    'two read-switch entries for one role',
    dev,
    (e) =>
      (e.databaseAccess.schemas[0].tableReaders = [
        { role: 'django_user', tables: ['pages'] },
        { role: 'django_user', tables: ['posts'] },
      ]),
    'databaseAccess.schemas[0].tableReaders',
    'django_user',
  ],
  // Issue 12 (data protection, restore, the delivery boundary).
  [
    'deploy role given a service the delivery boundary denies',
    dev,
    (e) => e.delivery.deployRole.serviceActions.push('dynamodb:CreateTable'),
    `delivery.deployRole.serviceActions[${dev.delivery.deployRole.serviceActions.length}]`,
    'dynamodb:CreateTable',
  ],
  [
    'plan role given a read of a service the delivery boundary denies',
    dev,
    (e) => e.delivery.planRole.readActions.push('dynamodb:DescribeTable'),
    `delivery.planRole.readActions[${dev.delivery.planRole.readActions.length}]`,
    'dynamodb:DescribeTable',
  ],
  [
    'DR region equal to the primary',
    dev,
    (e) => (e.dataProtection.dr.region = 'us-east-1'),
    'dataProtection.dr.region',
    'us-east-1',
  ],
  [
    'malformed DR region',
    dev,
    (e) => (e.dataProtection.dr.region = 'west'),
    'dataProtection.dr.region',
    'west',
  ],
  [
    'prod daily recovery points kept 7 days',
    prod,
    (e) => (e.dataProtection.backup.daily.retentionDays = 7),
    'dataProtection.backup.daily.retentionDays',
    7,
  ],
  [
    'monthly points kept below the tier minimum',
    dev,
    (e) => (e.dataProtection.backup.monthly.retentionDays = 20), // longer than the dailies (7), under 31
    'dataProtection.backup.monthly.retentionDays',
    20,
  ],
  [
    'monthly points kept shorter than the dailies',
    dev,
    (e) => {
      e.dataProtection.backup.daily.retentionDays = 60;
      e.dataProtection.backup.monthly.retentionDays = 40; // above dev's 31-day minimum, below the dailies
    },
    'dataProtection.backup.monthly.retentionDays',
    40,
  ],
  [
    'prod daily DR copies kept 3 days',
    prod,
    (e) => (e.dataProtection.backup.daily.drRetentionDays = 3),
    'dataProtection.backup.daily.drRetentionDays',
    3,
  ],
  [
    'an unknown vault lock mode',
    dev,
    (e) => (e.dataProtection.backup.vaultLock = { mode: 'strict' } as never),
    'dataProtection.backup.vaultLock.mode',
    'strict',
  ],
  [
    'copy moved to cold storage on day 0',
    dev,
    (e) => (e.dataProtection.mediaCopy.coldStorageAfterDays = 0),
    'dataProtection.mediaCopy.coldStorageAfterDays',
    0,
  ],
  [
    'rclone image digest that is not sha256',
    dev,
    (e) => (e.dataProtection.mediaCopy.image.digest = 'md5:abc'),
    'dataProtection.mediaCopy.image.digest',
    'md5:abc',
  ],
  [
    'copy job request below the namespace minimum',
    dev,
    (e) => (e.dataProtection.mediaCopy.resources.requests.memory = '16Mi'),
    'dataProtection.mediaCopy.resources.requests.memory',
    '16Mi',
  ],
  [
    'restore from a malformed snapshot id',
    dev,
    (e) => (e.database.restore = { from: { snapshot: '1-bad snapshot' }, replaces: 'lightwave-dev-old' }),
    'database.restore.from.snapshot',
    '1-bad snapshot',
  ],
  [
    'restore from a malformed source instance',
    dev,
    (e) =>
      (e.database.restore = {
        from: { pointInTime: { sourceInstance: 'Lightwave_Old', time: 'latest' } },
        replaces: 'lightwave-dev-old',
      }),
    'database.restore.from.pointInTime.sourceInstance',
    'Lightwave_Old',
  ],
  [
    'restore replacing a malformed identifier',
    dev,
    (e) => (e.database.restore = { from: { snapshot: 'lightwave-dev-before' }, replaces: 'Lightwave_Dev' }),
    'database.restore.replaces',
    'Lightwave_Dev',
  ],
  [
    'prod DR copies kept 30 days',
    prod,
    (e) => (e.dataProtection.backup.monthly.drRetentionDays = 30),
    'dataProtection.backup.monthly.drRetentionDays',
    30,
  ],
  [
    'compliance-mode vault lock in dev',
    dev,
    (e) => (e.dataProtection.backup.vaultLock = { mode: 'compliance', changeableForDays: 3 }),
    'dataProtection.backup.vaultLock.mode',
    'compliance',
  ],
  [
    'prod vaults unlocked',
    prod,
    (e) => (e.dataProtection.backup.vaultLock = { mode: 'none' }),
    'dataProtection.backup.vaultLock.mode',
    'none',
  ],
  [
    'prod vaults under a governance lock the deploy role could lift',
    prod,
    (e) => (e.dataProtection.backup.vaultLock = { mode: 'governance' }),
    'dataProtection.backup.vaultLock.mode',
    'governance',
  ],
  [
    'compliance lock with a one-day grace period',
    prod,
    (e) => (e.dataProtection.backup.vaultLock = { mode: 'compliance', changeableForDays: 1 }),
    'dataProtection.backup.vaultLock.changeableForDays',
    1,
  ],
  [
    'prod recovery points kept in the region',
    prod,
    (e) => (e.dataProtection.backup.copyToDrRegion = false),
    'dataProtection.backup.copyToDrRegion',
    false,
  ],
  [
    'prod without a backup plan',
    prod,
    (e) => (e.dataProtection.backup.enabled = false),
    'dataProtection.backup.enabled',
    false,
  ],
  [
    'prod without a media copy',
    prod,
    (e) => (e.dataProtection.mediaCopy.enabled = false),
    'dataProtection.mediaCopy.enabled',
    false,
  ],
  [
    'copy bucket name with dots',
    dev,
    (e) => (e.dataProtection.mediaCopy.bucketName = 'media.copy'),
    'dataProtection.mediaCopy.bucketName',
    'media.copy',
  ],
  [
    'copy bucket is the state bucket',
    dev,
    (e) => (e.dataProtection.mediaCopy.bucketName = e.state.bucket),
    'dataProtection.mediaCopy.bucketName',
    dev.state.bucket,
  ],
  [
    'copy schedule that is not cron',
    dev,
    (e) => (e.dataProtection.mediaCopy.schedule = 'daily'),
    'dataProtection.mediaCopy.schedule',
    'daily',
  ],
  [
    'rclone image tag latest',
    dev,
    (e) => (e.dataProtection.mediaCopy.image.tag = 'latest'),
    'dataProtection.mediaCopy.image.tag',
    'latest',
  ],
  [
    'prod previous versions kept 7 days',
    prod,
    (e) => (e.dataProtection.mediaCopy.previousVersionRetentionDays = 7),
    'dataProtection.mediaCopy.previousVersionRetentionDays',
    7,
  ],
  [
    'dev previous versions kept 29 days',
    dev,
    (e) => (e.dataProtection.mediaCopy.previousVersionRetentionDays = 29),
    'dataProtection.mediaCopy.previousVersionRetentionDays',
    29,
  ],
  [
    'copy job egress to the whole internet',
    dev,
    (e) => (e.dataProtection.mediaCopy.awsHttpsEgressCidrs = ['0.0.0.0/0']),
    'dataProtection.mediaCopy.awsHttpsEgressCidrs[0]',
    '0.0.0.0/0',
  ],
  [
    'copy job egress to the whole VPC',
    prod,
    (e) => (e.dataProtection.mediaCopy.awsHttpsEgressCidrs = ['10.20.0.0/16']),
    'dataProtection.mediaCopy.awsHttpsEgressCidrs[0]',
    '10.20.0.0/16',
  ],
  [
    "the media copy job's AWS and R2 ranges together covering the VPC (one NetworkPolicy)",
    prod,
    (e) => {
      e.dataProtection.mediaCopy.awsHttpsEgressCidrs = ['10.20.0.0/17'];
      e.dataProtection.mediaCopy.r2HttpsEgressCidrs = [
        ...e.dataProtection.mediaCopy.r2HttpsEgressCidrs,
        '10.20.128.0/17',
      ];
    },
    'dataProtection.mediaCopy.awsHttpsEgressCidrs',
    ['10.20.0.0/17', ...prod.dataProtection.mediaCopy.r2HttpsEgressCidrs, '10.20.128.0/17'],
  ],
  [
    'copy job without an AWS egress',
    dev,
    (e) => (e.dataProtection.mediaCopy.awsHttpsEgressCidrs = []),
    'dataProtection.mediaCopy.awsHttpsEgressCidrs',
    [],
  ],
  [
    'copy job in a namespace not enforcing restricted',
    dev,
    (e) => (e.dataProtection.mediaCopy.namespace = 'django-api'),
    'dataProtection.mediaCopy.namespace',
    'django-api',
  ],
  [
    'copy job limit above the namespace maximum',
    dev,
    (e) => (e.dataProtection.mediaCopy.resources.limits.memory = '4Gi'),
    'dataProtection.mediaCopy.resources.limits.memory',
    '4Gi',
  ],
  [
    'copy job limit below its request',
    dev,
    (e) => (e.dataProtection.mediaCopy.resources.limits.cpu = '50m'),
    'dataProtection.mediaCopy.resources.limits.cpu',
    '50m',
  ],
  [
    'copy job running as a low UID',
    dev,
    (e) => (e.dataProtection.mediaCopy.runAsUser = 1000),
    'dataProtection.mediaCopy.runAsUser',
    1000,
  ],
  [
    'OIDC issuer of another region',
    dev,
    (e) =>
      (e.cluster.oidcIssuerUrl =
        'https://oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF'),
    'cluster.oidcIssuerUrl',
    'https://oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF',
  ],
  [
    'restore from a snapshot and a point in time at once',
    dev,
    (e) =>
      (e.database.restore = {
        from: {
          snapshot: 'snap-1',
          pointInTime: { sourceInstance: 'lightwave-dev-old', time: 'latest' },
        } as never,
        replaces: 'lightwave-dev-old',
      }),
    'database.restore.from',
    ['snapshot', 'pointInTime'],
  ],
  [
    'restore time in the future',
    dev,
    (e) =>
      (e.database.restore = {
        from: { pointInTime: { sourceInstance: 'lightwave-dev-old', time: '2099-01-01T00:00:00Z' } },
        replaces: 'lightwave-dev-old',
      }),
    'database.restore.from.pointInTime.time',
    '2099-01-01T00:00:00Z',
  ],
  [
    'restore time before the backup retention',
    dev,
    (e) =>
      (e.database.restore = {
        from: { pointInTime: { sourceInstance: 'lightwave-dev-old', time: '2020-01-01T00:00:00Z' } },
        replaces: 'lightwave-dev-old',
      }),
    'database.restore.from.pointInTime.time',
    '2020-01-01T00:00:00Z',
  ],
  [
    'restore time that is not UTC ISO',
    dev,
    (e) =>
      (e.database.restore = {
        from: { pointInTime: { sourceInstance: 'lightwave-dev-old', time: 'yesterday 9am' } },
        replaces: 'lightwave-dev-old',
      }),
    'database.restore.from.pointInTime.time',
    'yesterday 9am',
  ],
  [
    'point-in-time source equal to the restored identifier',
    dev,
    (e) =>
      (e.database.restore = {
        from: { pointInTime: { sourceInstance: 'lightwave-dev', time: 'latest' } },
        replaces: 'lightwave-dev-old',
      }),
    'database.restore.from.pointInTime.sourceInstance',
    'lightwave-dev',
  ],
  [
    'restore over the live identifier without the switch',
    dev,
    (e) => (e.database.restore = { from: { snapshot: 'lightwave-dev-before' }, replaces: 'lightwave-dev' }),
    'database.restore.destroyReplacedInstance',
    undefined,
  ],
  [
    'prod restore without the replacement switch',
    prod,
    (e) => {
      e.database.identifier = 'lightwave-prod-r1';
      e.database.restore = {
        from: { pointInTime: { sourceInstance: 'lightwave-prod', time: 'latest' } },
        replaces: 'lightwave-prod',
      };
    },
    'database.restore.destroyReplacedInstance',
    undefined,
  ],
  [
    'restore from a snapshot of another region',
    prod,
    (e) => {
      e.database.identifier = 'lightwave-prod-r1';
      e.database.restore = {
        from: { snapshot: 'arn:aws:rds:us-west-2:222222222222:snapshot:awsbackup:job-1' },
        replaces: 'lightwave-prod',
        destroyReplacedInstance: true,
      };
    },
    'database.restore.from.snapshot',
    'arn:aws:rds:us-west-2:222222222222:snapshot:awsbackup:job-1',
  ],
  // Nothing dropped silently: a key no interface declares, at any depth, is refused with its full path.
  ['unknown top-level block', dev, (e) => (loose(e).observabilty = {}), 'observabilty', 'observabilty'],
  [
    'misspelt optional field',
    dev,
    (e) => (loose(e.cluster.pgbouncer).serverTlsCaBundel = 'pem'),
    'cluster.pgbouncer.serverTlsCaBundel',
    'serverTlsCaBundel',
  ],
  [
    'unknown key inside a list element',
    dev,
    (e) => (loose(e.cluster.namespaces[0].quota.requests).gpu = '1'),
    'cluster.namespaces[0].quota.requests.gpu',
    'gpu',
  ],
  [
    'an application calling the API of one that is not in cluster.apps',
    dev,
    (e) => delete loose(e.cluster.apps).payload,
    'products.django.status', // django is live here, and its contract calls payload's API
    'django',
  ],
  [
    'a registered product without an entry',
    dev,
    (e) => delete loose(e.products).createos,
    'products.createos',
    undefined,
  ],
  ...tierGuardCases(),
  [
    'a product the registry does not declare',
    dev,
    (e) => (loose(e.products).blogos = { status: 'live' }),
    'products.blogos',
    'blogos',
  ],
  [
    'a product status that is neither live nor reserved',
    dev,
    (e) => (loose(e.products.django).status = 'launched'),
    'products.django.status',
    'launched',
  ],
  [
    'a reserved product with a size it would ignore',
    dev,
    (e) => (loose(e.products).createos = { status: 'reserved', connectionLimit: 10 }),
    'products.createos.connectionLimit',
    10,
  ],
  [
    "a misspelt size in a product's entry",
    dev,
    (e) => (loose(e.products.payload).conectionLimit = 30),
    'products.payload.conectionLimit',
    'conectionLimit',
  ],
  [
    'an application without a contract',
    dev,
    (e) => (loose(e.cluster.apps).blogos = { ...e.cluster.apps.django }),
    'cluster.apps.blogos',
    'blogos',
  ],
  [
    'copy schedule with a minute out of range',
    dev,
    (e) => (e.dataProtection.mediaCopy.schedule = '61 2 * * *'),
    'dataProtection.mediaCopy.schedule',
    '61 2 * * *',
  ],
  [
    'a region of the right form that AWS does not have',
    dev,
    (e) => (e.aws.region = 'us-east-9'),
    'aws.region',
    'us-east-9',
  ],
];

/** Rules across environments: what two environments must never share. */
/** A second environment in dev's account and state bucket, with a state key of its own. */
const staging = (): EnvironmentConfig =>
  withChange(dev, (e) => {
    e.name = 'staging';
    e.state.key = 'lightwave-platform/staging/terraform.tfstate';
  });

const acrossEnvironments: FailingCase[] = [
  {
    what: 'an environment file writing its tier',
    envs: () => [
      dev,
      defineEnvironment(production, { ...prodValues, tier: 'development' } as EnvironmentValues),
    ],
    expected: { environment: prod.name, field: 'tier', value: 'tier' },
  },
  {
    what: 'an environment file writing what products derive',
    envs: () => [
      defineEnvironment(development, { ...devValues, cluster: { ...devValues.cluster, apps: {} } }),
      prod,
    ],
    expected: { environment: dev.name, field: 'cluster.apps', value: 'cluster.apps' },
  },
  {
    what: 'a state bucket is reused across accounts',
    envs: () => [dev, withChange(prod, (e) => (e.state.bucket = dev.state.bucket))],
    expected: { environment: 'registry', field: 'aws.accountId', value: ['111111111111', '222222222222'] },
  },
  {
    what: 'one account names two state buckets',
    envs: () => [dev, withChange(prod, (e) => (e.aws.accountId = dev.aws.accountId))],
    expected: {
      environment: 'registry',
      field: 'state.bucket',
      value: [dev.state.bucket, prod.state.bucket],
    },
  },
  ...(
    [
      ['state.region', (e) => (e.state.region = 'eu-west-1'), ['us-east-1', 'eu-west-1']],
      [
        'state.kmsKeyAlias',
        (e) => (e.state.kmsKeyAlias = 'alias/other'),
        [dev.state.kmsKeyAlias, 'alias/other'],
      ],
      [
        'state.noncurrentVersionExpirationDays',
        (e) => (e.state.noncurrentVersionExpirationDays = 365),
        [dev.state.noncurrentVersionExpirationDays, 365],
      ],
      ['tier', (e) => (e.tier = 'production'), ['development', 'production']],
      [
        'observability.auditTrail',
        (e) => (e.observability.auditTrail.logRetentionDays = 400),
        [dev.observability.auditTrail, { ...dev.observability.auditTrail, logRetentionDays: 400 }],
      ],
      [
        'delivery.bootstrapBackend',
        (e) => (e.delivery.bootstrapBackend = dev.delivery.bootstrapBackend === 'local' ? 's3' : 'local'),
        [dev.delivery.bootstrapBackend, dev.delivery.bootstrapBackend === 'local' ? 's3' : 'local'],
      ],
    ] as [string, Change, unknown][]
  ).map(([field, change, value]): FailingCase => ({
    what: `environments of one state bucket disagree on ${field}`,
    envs: () => [dev, withChange(staging(), change)],
    expected: { environment: 'registry', field, value },
  })),
  {
    what: 'two environments deploy from one GitHub Environment',
    envs: () => [dev, staging()],
    expected: {
      environment: 'registry',
      field: 'delivery.githubEnvironment',
      value: dev.delivery.githubEnvironment,
    },
  },
  {
    what: "prod's plan gate is a deploy Environment (dev's: every dev deploy job would get prod's plan role)",
    envs: () => [
      dev,
      withChange(prod, (e) => (e.delivery.planRole.githubEnvironment = dev.delivery.githubEnvironment)),
    ],
    expected: {
      environment: 'registry',
      field: 'delivery.planRole.githubEnvironment',
      value: dev.delivery.githubEnvironment,
    },
  },
  {
    what: 'two environments of one account name one role',
    envs: () => [dev, withChange(staging(), (e) => (e.delivery.githubEnvironment = 'staging'))],
    expected: {
      environment: 'registry',
      field: 'delivery.planRole.name | delivery.deployRole.name',
      value: `${dev.aws.accountId}/${dev.delivery.planRole.name}`,
    },
  },
  {
    what: 'environments name different repositories',
    envs: () => [dev, withChange(prod, (e) => (e.delivery.repository = 'someone-else/platform'))],
    expected: {
      environment: 'registry',
      field: 'delivery.repository',
      value: [dev.delivery.repository, 'someone-else/platform'],
    },
  },
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
      field: `policyWaivers[${prod.policyWaivers.findIndex((w) => w.expires === '2027-03-31')}].expires`,
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

/** A bad input of the local development setup (environments/local.ts), validated with the registered environments. */
export interface LocalFailingCase {
  readonly what: string;
  readonly local: () => LocalConfig;
  /** The failure the case must produce, always the local setup's (`value` compared when present). */
  readonly expected: Partial<ValidationFailure> & { readonly field: string };
}

type LocalChange = (l: Writable<LocalConfig>) => void;

/** [what is wrong, change, field expected in the failure, bad value expected in the failure] */
const changedLocal: [string, LocalChange, string, unknown][] = [
  ['a port below 1024', (l) => (l.ports.postgres = 543), 'ports.postgres', 543],
  ['a port above 65535', (l) => (l.ports.objectStore = 70000), 'ports.objectStore', 70000],
  ['a port given twice', (l) => (l.ports.objectStore = l.ports.pgbouncer), 'ports.objectStore', 6432],
  ["a port dev's database tunnel already takes", (l) => (l.ports.postgres = 15432), 'ports.postgres', 15432],
  [
    "a port prod's database tunnel already takes",
    (l) => (l.ports.pgbouncer = 25432),
    'ports.pgbouncer',
    25432,
  ],
  ['a Redis port given twice', (l) => (l.ports.redis = l.ports.postgres), 'ports.redis', 5433],
  [
    'a setting the contract does not give the application from config',
    (l) => (l.settings.django = { DEBUG: 'true' }),
    'settings.django.DEBUG',
    'true',
  ],
  [
    'an empty setting',
    (l) => (l.settings.payload = { NEXT_PUBLIC_SERVER_URL: ' ' }),
    'settings.payload.NEXT_PUBLIC_SERVER_URL',
    ' ',
  ],
  [
    'a PostgreSQL image repository with uppercase letters',
    (l) => (l.postgresImage.repository = 'Postgres'),
    'postgresImage.repository',
    'Postgres',
  ],
  // Of PostgreSQL 15, so that only the pinning check fails.
  [
    'an image tag naming latest',
    (l) => (l.postgresImage.tag = '15.17-latest'),
    'postgresImage.tag',
    '15.17-latest',
  ],
  [
    'a digest that is not sha256',
    (l) => (l.postgresImage.digest = 'md5:abc'),
    'postgresImage.digest',
    'md5:abc',
  ],
  [
    'an object store image repository with a space',
    (l) => (l.objectStore.image.repository = 'versity /versitygw'),
    'objectStore.image.repository',
    'versity /versitygw',
  ],
  [
    'an image tag without a version',
    (l) => (l.objectStore.image.tag = 'edge'),
    'objectStore.image.tag',
    'edge',
  ],
  [
    'an object store image digest too short',
    (l) => (l.objectStore.image.digest = 'sha256:abc'),
    'objectStore.image.digest',
    'sha256:abc',
  ],
  [
    'an image repository with uppercase letters',
    (l) => (l.objectStore.initImage.repository = 'Amazon/aws-cli'),
    'objectStore.initImage.repository',
    'Amazon/aws-cli',
  ],
  [
    'an init image tagged stable',
    (l) => (l.objectStore.initImage.tag = 'stable'),
    'objectStore.initImage.tag',
    'stable',
  ],
  [
    'an init image digest in uppercase hex',
    (l) => (l.objectStore.initImage.digest = `sha256:${'A'.repeat(64)}`),
    'objectStore.initImage.digest',
    `sha256:${'A'.repeat(64)}`,
  ],
  [
    "PostgreSQL of another major than the environment's",
    (l) => (l.postgresImage.tag = '16.9-alpine3.23'),
    'postgresImage.tag',
    '16.9-alpine3.23',
  ],
  [
    'a bucket name with uppercase letters',
    (l) => (l.objectStore.bucket = 'Lightwave-Media'),
    'objectStore.bucket',
    'Lightwave-Media',
  ],
  [
    "the name of prod's real bucket",
    (l) => (l.objectStore.bucket = 'lightwave-media'),
    'objectStore.bucket',
    'lightwave-media',
  ],
  ['a region clients cannot sign for', (l) => (l.objectStore.region = 'mars'), 'objectStore.region', 'mars'],
  [
    'a project name Compose refuses',
    (l) => (l.projectName = 'Lightwave Local'),
    'projectName',
    'Lightwave Local',
  ],
  [
    'a role name the bootstrap SQL would have to quote',
    (l) => {
      l.basedOn.databaseAccess.roles[4].name = 'user';
      l.basedOn.databaseAccess.schemas[4].owner = 'user';
    },
    'basedOn.databaseAccess.roles[4].name',
    'user',
  ],
  [
    'a schema name the bootstrap SQL would have to quote',
    (l) => (l.basedOn.databaseAccess.schemas[3].name = 'order'),
    'basedOn.databaseAccess.schemas[3].name',
    'order',
  ],
  [
    'a monitoring role name the bootstrap SQL would have to quote',
    (l) => (l.basedOn.databaseAccess.monitoringRole.name = 'current_role'),
    'basedOn.databaseAccess.monitoringRole.name',
    'current_role',
  ],
  [
    'an extensions schema name the bootstrap SQL would have to quote',
    (l) => (l.basedOn.databaseAccess.extensions.schema = 'table'),
    'basedOn.databaseAccess.extensions.schema',
    'table',
  ],
  [
    'a table of the read switch the bootstrap SQL would have to quote',
    (l) => (l.basedOn.databaseAccess.schemas[0].tableReaders = [{ role: 'django_user', tables: ['Pages'] }]),
    'basedOn.databaseAccess.schemas[0].tableReaders[0].tables[0]',
    'Pages',
  ],
  [
    'a master user name the bootstrap SQL would have to quote',
    (l) => (l.basedOn.database.masterUsername = 'session_user'),
    'basedOn.database.masterUsername',
    'session_user',
  ],
  [
    'a key the local setup does not declare',
    (l) => (loose(l.ports).grafana = 3000),
    'ports.grafana',
    'grafana',
  ],
  [
    'a database name the bootstrap SQL would have to quote',
    (l) => (l.basedOn.database.databaseName = 'select'),
    'basedOn.database.databaseName',
    'select',
  ],
];

export const localFailingCases: readonly LocalFailingCase[] = changedLocal.map(
  ([what, change, field, value]): LocalFailingCase => ({
    what,
    local: () => withChange(local, change),
    expected: { environment: 'local', field, value },
  }),
);

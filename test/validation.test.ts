/**
 * Config validation: every rule names the field, the bad value and what is allowed; all failures come at once;
 * nothing is synthesized on bad input.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnvironmentConfig } from '../environments/config';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { validateEnvironments } from '../environments/validate';
import { ConfigValidationError, formatFailure } from '../environments/validation';
import { createPlatformApp } from '../stacks/platform-app';
import { withChange, type Writable } from './support/synth';

type Change = (env: Writable<EnvironmentConfig>) => void;

/** [what is wrong, base environment, change, field expected in the failure, bad value expected in the failure] */
const badInputs: [string, EnvironmentConfig, Change, string, unknown][] = [
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
    'a login role without connections',
    dev,
    (e) =>
      (e.databaseAccess.roles[0] = {
        name: 'payload_user',
        login: true,
        connectionLimit: 0,
        statementTimeoutMs: 30000,
      }),
    'databaseAccess.roles[0].connectionLimit',
    0,
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
    131,
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
    10,
  ],
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
        connectionLimit: 20,
        statementTimeoutMs: 30000,
      }),
    'databaseAccess.roles[1].connectionLimit',
    20,
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
    'monthly points kept shorter than the dailies',
    dev,
    (e) => (e.dataProtection.backup.monthly.retentionDays = 5),
    'dataProtection.backup.monthly.retentionDays',
    5,
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
];

describe('valid configurations', () => {
  test('the registered environments pass every rule', () => {
    expect(validateEnvironments([dev, prod])).toEqual([]);
    const restoring = withChange(prod, (e) => {
      e.database.identifier = 'lightwave-prod-r1';
      e.database.restore = {
        from: {
          pointInTime: {
            sourceInstance: 'lightwave-prod',
            time: new Date(Date.now() - 3_600_000).toISOString().slice(0, 19) + 'Z',
          },
        },
        replaces: 'lightwave-prod',
        destroyReplacedInstance: true,
      };
    });
    expect(validateEnvironments([dev, restoring])).toEqual([]);
  });
});

describe.each(badInputs)('fails when %s', (_what, base, change, field, value) => {
  test('naming the field, the value and what is allowed', () => {
    const failures = validateEnvironments([withChange(base, change)]);
    expect(failures).toContainEqual(
      expect.objectContaining({
        environment: expect.any(String),
        field,
        value,
        allowed: expect.stringMatching(/\S{3,}/),
      }),
    );
  });
});

describe('across environments', () => {
  test('fails when two environments share a name', () => {
    const failures = validateEnvironments([dev, withChange(prod, (e) => (e.name = 'dev'))]);
    expect(failures).toContainEqual(
      expect.objectContaining({ environment: 'registry', field: 'name', value: 'dev' }),
    );
  });

  test('fails when dev and prod share a bucket', () => {
    const clash = withChange(dev, (e) => (e.cloudflare.media.bucketName = prod.cloudflare.media.bucketName));
    expect(validateEnvironments([clash, prod])).toContainEqual(
      expect.objectContaining({
        environment: 'registry',
        field: 'cloudflare.media.bucketName',
        value: 'lightwave-media',
      }),
    );
  });

  test('fails when dev and prod share a CDN domain', () => {
    const clash = withChange(dev, (e) => (e.cloudflare.cdn.domain = prod.cloudflare.cdn.domain));
    expect(validateEnvironments([clash, prod])).toContainEqual(
      expect.objectContaining({
        environment: 'registry',
        field: 'cloudflare.cdn.domain',
        value: 'cdn.lightwave-media.site',
      }),
    );
  });

  test.each([
    ['no environment', false],
    ['two environments', true],
  ])("fails when %s manage the zone's cache rules", (_what, devManages) => {
    const env = withChange(dev, (e) => (e.cloudflare.cdn.managesZoneCacheRules = devManages));
    const other = withChange(prod, (e) => (e.cloudflare.cdn.managesZoneCacheRules = devManages));
    expect(validateEnvironments([env, other])).toContainEqual(
      expect.objectContaining({ environment: 'registry', field: 'cloudflare.cdn.managesZoneCacheRules' }),
    );
  });

  test('fails when a state bucket is reused across accounts', () => {
    const sharing = withChange(prod, (e) => (e.state.bucket = dev.state.bucket));
    const failures = validateEnvironments([dev, sharing]);
    expect(failures).toContainEqual(
      expect.objectContaining({
        environment: 'registry',
        field: 'aws.accountId',
        value: ['111111111111', '222222222222'],
      }),
    );
  });

  test('fails when one account names two state buckets', () => {
    const second = withChange(prod, (e) => (e.aws.accountId = dev.aws.accountId));
    const fields = validateEnvironments([dev, second]).map((f) => f.field);
    expect(fields).toContain('state.bucket');
  });

  test('fails when environments of one account disagree on the state key', () => {
    const staging = withChange(dev, (e) => {
      e.name = 'staging';
      e.state.key = 'lightwave-platform/staging/terraform.tfstate';
      e.state.kmsKeyAlias = 'alias/other';
    });
    expect(validateEnvironments([dev, staging]).map((f) => f.field)).toContain('state.kmsKeyAlias');
  });

  test('fails when two environments deploy from one GitHub Environment or name one role', () => {
    const staging = withChange(dev, (e) => {
      e.name = 'staging';
      e.state.key = 'lightwave-platform/staging/terraform.tfstate';
    });
    const fields = validateEnvironments([dev, staging]).map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'delivery.githubEnvironment',
        'delivery.planRole.name | delivery.deployRole.name',
      ]),
    );
  });

  test('fails when environments name different repositories', () => {
    const elsewhere = withChange(prod, (e) => (e.delivery.repository = 'someone-else/platform'));
    expect(validateEnvironments([dev, elsewhere]).map((f) => f.field)).toContain('delivery.repository');
  });

  test('fails when two environments share a state object', () => {
    const clash = withChange(prod, (e) => (e.state = { ...dev.state }));
    const failures = validateEnvironments([dev, clash]);
    expect(failures).toContainEqual(
      expect.objectContaining({
        environment: 'registry',
        field: 'state.bucket + state.key',
        value: `s3://${dev.state.bucket}/${dev.state.key}`,
      }),
    );
  });
});

describe('reporting', () => {
  const broken = withChange(dev, (e) => {
    e.aws.accountId = 'abc';
    e.database.instanceClass = 'db.nope';
    e.database.backupRetentionDays = 99;
  });

  test('reports every failure at once', () => {
    const fields = validateEnvironments([broken, prod]).map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['aws.accountId', 'database.instanceClass', 'database.backupRetentionDays']),
    );
    expect(fields).toHaveLength(3);
  });

  test('a message names environment, field, value and what is allowed', () => {
    const [failure] = validateEnvironments([withChange(dev, (e) => (e.database.port = 80))]);
    expect(formatFailure(failure)).toBe(
      '[dev] database.port: 80 is not allowed; allowed: an integer from 1150 to 65535',
    );
  });

  test('the connection budget error shows its arithmetic', () => {
    const greedy = withChange(dev, (e) => {
      e.databaseAccess.roles[0] = {
        name: 'payload_user',
        login: true,
        connectionLimit: 100,
        statementTimeoutMs: 30000,
      };
    });
    const [failure] = validateEnvironments([greedy]);
    expect(failure.allowed).toBe(
      'a sum of at most 65 = database.parameters.maxConnections 70 − 5 reserved for superusers; got payload_user 100 + django_user 28 + monitoring 3 = 131',
    );
  });

  test('the max_connections error shows what the instance class holds', () => {
    const failures = validateEnvironments([
      withChange(dev, (e) => (e.database.parameters.maxConnections = 87)),
    ]);
    expect(failures.find((f) => f.field === 'database.parameters.maxConnections')?.allowed).toBe(
      "an integer from 6 to 70, what the instance class's memory holds: " +
        'db.t3.micro: (1024 MiB − 384 MiB operating-system reserve) / 9531392 bytes per connection = 70',
    );
  });

  test('the drain error names the role whose statements need the time', () => {
    const failures = validateEnvironments([withChange(dev, (e) => (e.cluster.pgbouncer.drainSeconds = 30))]);
    expect(failures.find((f) => f.field === 'cluster.pgbouncer.drainSeconds')?.allowed).toBe(
      "at least 40 = payload_user's statement timeout (30000 ms) + a connection max age of 10 s, so its clients leave a stopping PgBouncer pod with their statement finished",
    );
  });

  test('the PgBouncer budget error shows its arithmetic', () => {
    const failures = validateEnvironments([withChange(dev, (e) => (e.cluster.pgbouncer.replicas = 3))]);
    expect(failures.find((f) => f.field === 'cluster.pgbouncer.defaultPoolSize')?.allowed).toBe(
      "pools within the database's connections: 3 replicas × [(10 + 2 payload_user) + (2 + 0 payload_user session) + " +
        '(10 + 2 django_user) + (2 + 0 django_user session)] + 3 monitoring = 87 server connections; ' +
        'available: max_connections 70 − 5 reserved − 6 headroom = 59',
    );
  });

  test.each([
    [
      'an unknown rule',
      { rule: 'LW-NOPE-001', reason: 'a reason that is long enough', expires: '2099-01-01' },
      'policyWaivers[0].rule',
    ],
    [
      'a short reason',
      { rule: 'LW-RDS-006', reason: 'budget', expires: '2099-01-01' },
      'policyWaivers[0].reason',
    ],
    [
      'a malformed expiry',
      { rule: 'LW-RDS-006', reason: 'a reason that is long enough', expires: '31/12/2099' },
      'policyWaivers[0].expires',
    ],
    [
      'an impossible date',
      { rule: 'LW-RDS-006', reason: 'a reason that is long enough', expires: '2099-02-30' },
      'policyWaivers[0].expires',
    ],
  ])('fails on a waiver with %s', (_what, waiver, field) => {
    const env = withChange(dev, (e) => (e.policyWaivers = [waiver]));
    expect(validateEnvironments([env, prod])).toContainEqual(
      expect.objectContaining({ environment: 'dev', field }),
    );
  });

  test('fails on an expired waiver, naming the day it is judged on', () => {
    const failures = validateEnvironments([dev, prod], '2027-07-01');
    expect(failures).toContainEqual(
      expect.objectContaining({
        environment: 'prod',
        field: 'policyWaivers[1].expires',
        value: '2027-03-31',
        allowed: 'a date not before today (2027-07-01): the waiver has expired, decide again',
      }),
    );
  });

  test('a waiver is valid through its expiry day', () => {
    expect(validateEnvironments([dev, prod], '2027-01-31')).toEqual([]);
  });

  test('a missing part of the config is reported, not thrown', () => {
    const failures = validateEnvironments([withChange(dev, (e) => delete (e as Partial<typeof e>).network)]);
    expect(failures).toContainEqual(expect.objectContaining({ field: '(structure)' }));
  });

  test('nothing is synthesized when any environment is invalid', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'lightwave-bad-synth-'));
    expect(() => createPlatformApp([prod, broken], { outdir }).synth()).toThrow(ConfigValidationError);
    expect(() => createPlatformApp([prod, broken], { outdir })).toThrow(/aws\.accountId: "abc"/);
    expect(existsSync(join(outdir, 'stacks')) ? readdirSync(join(outdir, 'stacks')) : []).toEqual([]);
  });
});

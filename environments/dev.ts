/**
 * The development environment.
 *
 * Account, VPC, subnet, security group (and, later, Cloudflare) ids below are FAKE placeholders with the right shape.
 * REPLACE them with the real ids of the development account before the first `cdktf deploy dev`.
 */
import type { EnvironmentConfig } from './config';

export const dev: EnvironmentConfig = {
  name: 'dev',
  tier: 'development',
  aws: {
    accountId: '111111111111', // REPLACE: development AWS account
    region: 'us-east-1',
  },
  state: {
    bucket: 'lightwave-tfstate-111111111111', // REPLACE: pre-existing, versioned state bucket
    key: 'lightwave-platform/dev/terraform.tfstate',
    region: 'us-east-1',
  },
  tags: {
    Project: 'lightwave-platform',
    Owner: 'platform-team',
  },
  network: {
    vpcId: 'vpc-0aaaaaaaaaaaaaaa1', // REPLACE
    vpcCidr: '10.10.0.0/16', // REPLACE
    privateSubnetIds: ['subnet-0aaaaaaaaaaaaaa11', 'subnet-0aaaaaaaaaaaaaa12'], // REPLACE
    clusterSecurityGroupId: 'sg-0aaaaaaaaaaaaaaa1', // REPLACE: EKS cluster security group of lightwave-dev
  },
  database: {
    identifier: 'lightwave-dev',
    databaseName: 'lightwave_platform',
    engineVersion: '15',
    instanceClass: 'db.t3.micro',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 50,
    deletionProtection: false,
    multiAz: false,
    port: 5432,
    masterUsername: 'lightwave_admin',
    backupRetentionDays: 7,
    backupWindow: '03:00-03:30',
    maintenanceWindow: 'sun:04:00-sun:04:30',
    logRetentionDays: 14,
    performanceInsightsRetentionDays: 7,
    monitoringIntervalSeconds: 60,
    caCertIdentifier: 'rds-ca-rsa2048-g1',
    kmsDeletionWindowDays: 7,
    parameters: {
      logMinDurationStatementMs: 500,
      idleInTransactionSessionTimeoutMs: 60000,
    },
  },
  databaseAccess: {
    // The operator's tunnel to the private instance (README, "Reaching the database").
    connection: { host: '127.0.0.1', port: 15432, sslMode: 'require', connectTimeoutSeconds: 15 },
    roles: [
      { name: 'payload_user', login: true, connectionLimit: 40, statementTimeoutMs: 30000 },
      { name: 'django_user', login: true, connectionLimit: 40, statementTimeoutMs: 30000 },
      { name: 'createos_owner', login: false },
      { name: 'cineos_owner', login: false },
      { name: 'photographyos_owner', login: false },
    ],
    schemas: [
      { name: 'payload', owner: 'payload_user', readers: ['django_user'] },
      { name: 'django', owner: 'django_user', readers: [] },
      { name: 'createos', owner: 'createos_owner', readers: [] },
      { name: 'cineos', owner: 'cineos_owner', readers: [] },
      { name: 'photographyos', owner: 'photographyos_owner', readers: [] },
    ],
  },
};

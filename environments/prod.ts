/**
 * The production environment.
 *
 * Account, VPC, subnet, security group (and, later, Cloudflare) ids below are FAKE placeholders with the right shape.
 * REPLACE them with the real ids of the production account before the first `cdktf deploy prod`.
 */
import type { EnvironmentConfig } from './config';

export const prod: EnvironmentConfig = {
  name: 'prod',
  tier: 'production',
  aws: {
    accountId: '222222222222', // REPLACE: production AWS account
    region: 'us-east-1',
  },
  state: {
    bucket: 'lightwave-tfstate-222222222222', // REPLACE: pre-existing, versioned state bucket
    key: 'lightwave-platform/prod/terraform.tfstate',
    region: 'us-east-1',
  },
  tags: {
    Project: 'lightwave-platform',
    Owner: 'platform-team',
  },
  network: {
    vpcId: 'vpc-0bbbbbbbbbbbbbbb1', // REPLACE
    vpcCidr: '10.20.0.0/16', // REPLACE
    privateSubnetIds: ['subnet-0bbbbbbbbbbbbbb11', 'subnet-0bbbbbbbbbbbbbb12'], // REPLACE
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
    },
  },
  databaseAccess: {
    // The operator's tunnel to the private instance (README, "Reaching the database").
    connection: { host: '127.0.0.1', port: 25432, sslMode: 'require', connectTimeoutSeconds: 15 },
    roles: [
      { name: 'payload_user', login: true, connectionLimit: 150, statementTimeoutMs: 60000 },
      { name: 'django_user', login: true, connectionLimit: 150, statementTimeoutMs: 60000 },
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

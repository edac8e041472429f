/**
 * The development environment: its own values; the development tier writes the rest (`npm run config -- dev` prints
 * the whole resolved config).
 *
 * Account, VPC, subnet, security group and Cloudflare ids below are FAKE placeholders with the right shape.
 * REPLACE them with the real ids of the development account before the first `cdktf deploy dev`.
 */
import { defineEnvironment } from './define-environment';
import type { EnvironmentValues } from './tiers/environment-values';
import { development } from './tiers/development';

export const devValues: EnvironmentValues = {
  name: 'dev',
  aws: { accountId: '111111111111', region: 'us-east-1' }, // REPLACE: development AWS account
  network: {
    vpcId: 'vpc-0aaaaaaaaaaaaaaa1', // REPLACE
    vpcCidr: '10.10.0.0/16', // REPLACE
    privateSubnetIds: ['subnet-0aaaaaaaaaaaaaa11', 'subnet-0aaaaaaaaaaaaaa12'], // REPLACE
    databaseSubnetCidrs: ['10.10.0.0/20', '10.10.16.0/20'], // REPLACE: the CIDRs of privateSubnetIds, same order
    loadBalancerSubnetCidrs: ['10.10.128.0/24', '10.10.129.0/24'], // REPLACE: the ALB's public subnets
    clusterSecurityGroupId: 'sg-0aaaaaaaaaaaaaaa1', // REPLACE: EKS cluster security group of lightwave-dev
  },
  // db.t3.micro holds at most 70 (rds-instance-classes.ts); `npm run review` shows the budget arithmetic.
  database: {
    instanceClass: 'db.t3.micro',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 50,
    parameters: { maxConnections: 70 },
  },
  databaseAccess: { connection: { port: 15432 } },
  products: {
    payload: { status: 'live', settings: { NEXT_PUBLIC_SERVER_URL: 'https://cms-dev.lightwave-media.site' } },
    django: { status: 'live' },
    createos: { status: 'reserved' },
    cineos: { status: 'reserved' },
    photographyos: { status: 'reserved' },
  },
  // Room for one more live product in db.t3.micro's 70 connections: 3 products × 2 replicas × (5 + 2 + 2) + 3
  // monitoring = 57 of 59 (`npm run review` shows the arithmetic); a fourth needs a larger instance.
  productSizes: {
    connectionLimit: 18, // each product's pools on both replicas: 2 × (5 + 2 + 2)
    statementTimeoutMs: 30000,
    quota: { requests: { cpu: '2', memory: '4Gi' }, limits: { cpu: '4', memory: '8Gi' }, pods: 20 },
  },
  cluster: {
    oidcIssuerUrl: 'https://oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDE1', // REPLACE: aws eks describe-cluster --query cluster.identity.oidc.issuer
    // limits.cpu: the platform pods take 2150m with the media copy job, 3200m while one apply rolls every
    // Deployment (a surge pod each; validation counts them).
    platformNamespace: {
      quota: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '4', memory: '4Gi' }, pods: 20 },
    },
    pgbouncer: {
      replicas: 2,
      defaultPoolSize: 5,
      reservePoolSize: 2,
      maxClientConnections: 500,
      connectionHeadroom: 6, // the master user and operators; migrations (session path) and monitoring are counted above
    },
    redis: {
      maxMemory: '192Mi',
      resources: { requests: { cpu: '50m', memory: '256Mi' }, limits: { cpu: '250m', memory: '256Mi' } },
    },
  },
  cloudflare: {
    media: { bucketName: 'lightwave-media-dev', corsOrigins: ['https://dev.lightwave-media.site'] },
    // REPLACE zoneId: the lightwave-media.site zone id. prod deploys the zone's cache rules, dev's host included.
    cdn: { domain: 'cdn-dev.lightwave-media.site' },
  },
  dataProtection: {
    mediaCopy: { bucketName: 'lightwave-media-copy-dev-111111111111' }, // REPLACE if taken (S3 names are global)
  },
  observability: { recipients: { emails: ['platform-alerts-dev@lightwave-media.site'] } }, // REPLACE: on-call mailbox
  delivery: {
    databaseTunnelInstanceId: 'i-0aaaaaaaaaaaaaaa1', // REPLACE: SSM-managed instance in the VPC
  },
  policyWaivers: [
    ...development.waivers,
    {
      rule: 'LW-COST-001',
      reason:
        "The Phase 0 plan's $15/month priced the db.t3.micro alone ($13.14); the 20 GiB gp3 minimum, the KMS key, the RDS-managed secret, the logs, the alarms and AWS Backup's recovery points bring the estimate to about $17.80. Accepted until the dev budget is re-approved.",
      expires: '2027-03-31',
    },
  ],
  cost: {
    databaseBudgetUsdPerMonth: 15, // Phase 0 plan: PostgreSQL (RDS) dev at $15/month
  },
};

export const dev = defineEnvironment(development, devValues);

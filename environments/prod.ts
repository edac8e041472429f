/**
 * The production environment: its own values; the production tier writes the rest (`npm run config -- prod` prints
 * the whole resolved config).
 *
 * Account, VPC, subnet, security group and Cloudflare ids below are FAKE placeholders with the right shape.
 * REPLACE them with the real ids of the production account before the first `cdktf deploy prod`.
 */
import { defineEnvironment } from './define-environment';
import type { EnvironmentValues } from './tiers/environment-values';
import { production } from './tiers/production';

export const prodValues: EnvironmentValues = {
  name: 'prod',
  aws: { accountId: '222222222222', region: 'us-east-1' }, // REPLACE: production AWS account
  network: {
    vpcId: 'vpc-0bbbbbbbbbbbbbbb1', // REPLACE
    vpcCidr: '10.20.0.0/16', // REPLACE
    privateSubnetIds: ['subnet-0bbbbbbbbbbbbbb11', 'subnet-0bbbbbbbbbbbbbb12'], // REPLACE
    databaseSubnetCidrs: ['10.20.0.0/20', '10.20.16.0/20'], // REPLACE: the CIDRs of privateSubnetIds, same order
    loadBalancerSubnetCidrs: ['10.20.128.0/24', '10.20.129.0/24'], // REPLACE: the ALB's public subnets
    clusterSecurityGroupId: 'sg-0bbbbbbbbbbbbbbb1', // REPLACE: EKS cluster security group of lightwave-prod
  },
  // Approved in the Phase 0 plan: db.t3.medium initially. It holds at most 405 connections (rds-instance-classes.ts);
  // `npm run review` shows the budget arithmetic.
  database: {
    instanceClass: 'db.t3.medium',
    allocatedStorageGiB: 40,
    maxAllocatedStorageGiB: 200,
    parameters: { maxConnections: 400 },
  },
  databaseAccess: { connection: { port: 25432 } },
  products: {
    payload: { status: 'live', settings: { NEXT_PUBLIC_SERVER_URL: 'https://cms.lightwave-media.site' } },
    django: { status: 'live' },
    createos: { status: 'reserved' },
    cineos: { status: 'reserved' },
    photographyos: { status: 'reserved' },
  },
  productSizes: {
    connectionLimit: 160,
    statementTimeoutMs: 60000,
    quota: { requests: { cpu: '8', memory: '16Gi' }, limits: { cpu: '16', memory: '32Gi' }, pods: 60 },
  },
  cluster: {
    oidcIssuerUrl: 'https://oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDE2', // REPLACE: aws eks describe-cluster --query cluster.identity.oidc.issuer
    platformNamespace: {
      quota: { requests: { cpu: '4', memory: '8Gi' }, limits: { cpu: '8', memory: '16Gi' }, pods: 40 },
    },
    pgbouncer: {
      replicas: 3,
      defaultPoolSize: 40,
      reservePoolSize: 10,
      maxClientConnections: 1000,
      connectionHeadroom: 50,
    },
    redis: {
      maxMemory: '768Mi',
      resources: { requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } },
    },
  },
  cloudflare: {
    media: {
      bucketName: 'lightwave-media',
      corsOrigins: ['https://lightwave-media.site', 'https://www.lightwave-media.site'],
    },
    // REPLACE zoneId. prod deploys the zone's cache rules, every environment's host included.
    cdn: {
      domain: 'cdn.lightwave-media.site',
      managesZoneCacheRules: true,
    },
  },
  dataProtection: {
    mediaCopy: { bucketName: 'lightwave-media-copy-222222222222' }, // REPLACE if taken (S3 names are global)
  },
  observability: { recipients: { emails: ['platform-alerts@lightwave-media.site'] } }, // REPLACE: on-call mailbox
  delivery: {
    databaseTunnelInstanceId: 'i-0bbbbbbbbbbbbbbb1', // REPLACE: SSM-managed instance in the VPC
  },
  policyWaivers: [
    ...production.waivers,
    {
      rule: 'LW-RDS-006',
      reason:
        'Single-AZ: the approved $72.50/month database budget (Phase 0 plan) does not cover a Multi-AZ db.t3.medium (about $105/month). Recovery is from automated backups (14 days). Revisit when the budget is reviewed.',
      expires: '2027-03-31',
    },
  ],
  cost: {
    databaseBudgetUsdPerMonth: 72.5, // Phase 0 plan: PostgreSQL (RDS) production at $72.50/month
  },
};

export const prod = defineEnvironment(production, prodValues);

/**
 * An example, not registered: a staging environment of the production tier with smaller sizes, the file README
 * "Add an environment" shows. test/staging-environment.test.ts registers it beside dev and prod. All ids are fake.
 */
import { defineEnvironment } from '../define-environment';
import { production } from '../tiers/production';

export const staging = defineEnvironment(production, {
  name: 'staging',
  aws: { accountId: '333333333333', region: 'us-east-1' },
  network: {
    vpcId: 'vpc-0ccccccccccccccc1',
    vpcCidr: '10.30.0.0/16',
    privateSubnetIds: ['subnet-0cccccccccccccc11', 'subnet-0cccccccccccccc12'],
    databaseSubnetCidrs: ['10.30.0.0/20', '10.30.16.0/20'],
    loadBalancerSubnetCidrs: ['10.30.128.0/24', '10.30.129.0/24'],
    clusterSecurityGroupId: 'sg-0ccccccccccccccc1',
  },
  database: {
    instanceClass: 'db.t3.small',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 50,
    parameters: { maxConnections: 150 },
  },
  databaseAccess: { connection: { port: 35432 } },
  products: {
    payload: {
      status: 'live',
      settings: { NEXT_PUBLIC_SERVER_URL: 'https://cms-staging.lightwave-media.site' },
    },
    django: { status: 'live' },
    createos: { status: 'reserved' },
    cineos: { status: 'reserved' },
    photographyos: { status: 'reserved' },
  },
  productSizes: {
    connectionLimit: 52,
    statementTimeoutMs: 60000,
    quota: { requests: { cpu: '2', memory: '4Gi' }, limits: { cpu: '4', memory: '8Gi' }, pods: 20 },
  },
  cluster: {
    oidcIssuerUrl: 'https://oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDE3',
    platformNamespace: {
      quota: { requests: { cpu: '2', memory: '4Gi' }, limits: { cpu: '6', memory: '8Gi' }, pods: 30 },
    },
    pgbouncer: {
      replicas: 2,
      defaultPoolSize: 20,
      reservePoolSize: 4,
      maxClientConnections: 500,
      connectionHeadroom: 20,
    },
    redis: {
      maxMemory: '192Mi',
      resources: { requests: { cpu: '50m', memory: '256Mi' }, limits: { cpu: '250m', memory: '256Mi' } },
    },
  },
  cloudflare: {
    media: { bucketName: 'lightwave-media-staging', corsOrigins: ['https://staging.lightwave-media.site'] },
    cdn: { domain: 'cdn-staging.lightwave-media.site' },
  },
  dataProtection: { mediaCopy: { bucketName: 'lightwave-media-copy-staging-333333333333' } },
  observability: { recipients: { emails: ['platform-alerts-staging@lightwave-media.site'] } },
  delivery: { databaseTunnelInstanceId: 'i-0ccccccccccccccc1' },
  policyWaivers: [
    ...production.waivers,
    {
      rule: 'LW-RDS-006',
      reason: 'Single-AZ: staging holds test data; a standby would double its cost.',
      expires: '2027-03-31',
    },
  ],
  cost: { databaseBudgetUsdPerMonth: 45 },
});

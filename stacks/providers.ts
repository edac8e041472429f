/**
 * The providers of an environment stack, configured only from values known at plan time: the environment config,
 * environment variables, and data sources of things that already exist. Never from resources of the same stack:
 * Terraform would plan the provider before they exist.
 *
 * Credentials never appear here: AWS from the standard chain (AWS_PROFILE, …), PostgreSQL from PGPASSWORD,
 * Kubernetes from `aws eks get-token` at run time, Cloudflare from CLOUDFLARE_API_TOKEN.
 */
import { DataAwsEksCluster } from '@cdktf/provider-aws/lib/data-aws-eks-cluster';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { PostgresqlProvider } from '@cdktf/provider-postgresql/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Fn } from 'cdktf';
import { ExternalProvider } from '../constructs/external-program';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../environments/config';

/** Providers that layers pass to their resources explicitly (the others are the default of their type). */
export interface ConfiguredProviders {
  /** AWS in the disaster-recovery region (`dataProtection.dr.region`), alias `dr`. */
  readonly awsDr: AwsProvider;
}

export function configureProviders(stack: Construct, config: EnvironmentConfig): ConfiguredProviders {
  const aws = {
    allowedAccountIds: [config.aws.accountId],
    defaultTags: [{ tags: { ...config.tags, Environment: config.name, ManagedBy: 'cdktf' } }],
  };
  new AwsProvider(stack, 'aws', { region: config.aws.region, ...aws });
  // Same account, second region: where recovery-point copies live. Its region is config, known at plan time.
  const awsDr = new AwsProvider(stack, 'aws_dr', {
    alias: 'dr',
    region: config.dataProtection.dr.region,
    ...aws,
  });

  // The operator reaches the private instance through a tunnel or from inside the VPC (config), as the master
  // user; the password comes from PGPASSWORD, read from the RDS-managed secret (docs/deploy.md, "Reaching the database").
  const connection = config.databaseAccess.connection;
  new PostgresqlProvider(stack, 'postgresql', {
    host: connection.host,
    port: connection.port,
    database: config.database.databaseName,
    username: config.database.masterUsername,
    sslmode: connection.sslMode,
    connectTimeout: connection.connectTimeoutSeconds,
    superuser: false,
    expectedVersion: '15',
  });

  // The EKS cluster exists already; its endpoint and CA are read at plan time, the token fetched per run.
  const eks = new DataAwsEksCluster(stack, 'eks_cluster', { name: config.cluster.eksClusterName });
  new KubernetesProvider(stack, 'kubernetes', {
    host: eks.endpoint,
    clusterCaCertificate: Fn.base64decode(eks.certificateAuthority.get(0).data),
    exec: [
      {
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        command: 'aws',
        args: [
          'eks',
          'get-token',
          '--cluster-name',
          config.cluster.eksClusterName,
          '--region',
          config.aws.region,
        ],
      },
    ],
  });

  // The token is read from CLOUDFLARE_API_TOKEN by the provider itself.
  new CloudflareProvider(stack, 'cloudflare', {});

  new RandomProvider(stack, 'random');
  // Computes the roles' SCRAM verifiers from their generated passwords (constructs/scram-verifier.ts).
  new ExternalProvider(stack, 'external');
  return { awsDr };
}

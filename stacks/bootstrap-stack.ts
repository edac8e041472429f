/**
 * One stack per AWS account, deployed once by an administrator before the account's first environment: the state
 * bucket and its key, the GitHub OIDC provider, a permissions boundary, a plan and a deploy role for every
 * environment in the account, with EKS access for both, and the account's trail and alarm on destructive calls.
 * `cdktf deploy bootstrap-<first environment of the account>`.
 *
 * Its own state starts local (there is no bucket yet) and moves into the bucket once it exists
 * (`delivery.bootstrapBackend: 's3'`, docs/first-deploy.md).
 */
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LocalBackend, S3Backend, TerraformOutput, type ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { bootstrapStackName } from '../environments/accounts';
import type { EnvironmentConfig } from '../environments/config';
import {
  GITHUB_OIDC_AUDIENCE,
  GITHUB_OIDC_HOST,
  GitHubOidcRole,
  githubSubject,
} from '../constructs/github-oidc-role';
import { StateBucket } from '../constructs/state-bucket';
import { AccountAudit, DESTRUCTIVE_CALLS_ALARM } from './account-audit';
import { DatabaseTunnelDocument, databaseTunnelDocumentName } from './database-tunnel-document';
import { DeliveryBoundary } from './delivery-boundary';
import {
  databaseIdentifiers,
  deployRoleStatements,
  planRoleStatements,
  stateKey,
} from './delivery-permissions';
import { ReadableAddressStack } from './readable-stack';
import { WorkloadBoundary, workloadBoundaryArn } from './workload-boundary';

/** Key of a bootstrap stack's state once migrated into its bucket. */
export const BOOTSTRAP_STATE_KEY = 'bootstrap/terraform.tfstate';

const EKS_POLICY = 'arn:aws:eks::aws:cluster-access-policy';

export const roleArn = (env: EnvironmentConfig, name: string): string =>
  `arn:aws:iam::${env.aws.accountId}:role/${name}`;

export class BootstrapStack extends ReadableAddressStack {
  readonly state: StateBucket;

  /** @param account the environments of one account (validation guarantees they share bucket, key alias, region) */
  constructor(
    scope: Construct,
    readonly account: readonly EnvironmentConfig[],
  ) {
    super(scope, bootstrapStackName(account));
    const first = account[0];
    this.configureBackend(first);
    const tags = { ...first.tags, ManagedBy: 'cdktf', Stack: bootstrapStackName(account) };
    new AwsProvider(this, 'aws', {
      region: first.aws.region,
      allowedAccountIds: [first.aws.accountId],
      defaultTags: [{ tags }],
    });

    const roles = account.flatMap((env) =>
      [env.delivery.planRole.name, env.delivery.deployRole.name].map((n) => roleArn(env, n)),
    );
    const administratorArns = [...new Set(account.flatMap((env) => env.delivery.administratorArns))].sort();
    this.state = new StateBucket(this, 'state', {
      accountId: first.aws.accountId,
      bucketName: first.state.bucket,
      kmsKeyAlias: first.state.kmsKeyAlias,
      noncurrentVersionExpirationDays: first.state.noncurrentVersionExpirationDays,
      administratorArns,
      stateRoleArns: roles,
    });

    // AWS trusts GitHub's certificate authority for this issuer itself; no thumbprint to pin (or to go stale).
    const provider = new IamOpenidConnectProvider(this, 'github_oidc', {
      url: `https://${GITHUB_OIDC_HOST}`,
      clientIdList: [GITHUB_OIDC_AUDIENCE],
    });
    const providerArn = `arn:aws:iam::${first.aws.accountId}:oidc-provider/${GITHUB_OIDC_HOST}`;
    const copyBuckets = account
      .filter((env) => env.dataProtection.mediaCopy.enabled)
      .map((env) => env.dataProtection.mediaCopy.bucketName);
    const production = account.some((env) => env.tier === 'production');
    const workloadBoundary = new WorkloadBoundary(this, 'workload_boundary', {
      accountId: first.aws.accountId,
      copyBucketNames: copyBuckets,
      productionData: production,
    });
    const boundary = new DeliveryBoundary(this, 'boundary', {
      accountId: first.aws.accountId,
      stateBucketArn: this.state.bucketArn,
      stateKey: stateKey(first),
      roleArns: roles,
      workloadBoundaryArn: workloadBoundaryArn(first.aws.accountId),
      alarmTopicArns: [`arn:aws:sns:*:${first.aws.accountId}:${DESTRUCTIVE_CALLS_ALARM}`],
      ...(production
        ? {
            productionData: {
              accountId: first.aws.accountId,
              copyBucketArns: copyBuckets.map((b) => `arn:aws:s3:::${b}`),
            },
          }
        : {}),
    });

    for (const env of account) {
      this.defineRoles(env, providerArn, [provider, boundary.policy, workloadBoundary.policy], boundary.arn);
      new DatabaseTunnelDocument(this, `${env.name}_database_tunnel`, {
        name: databaseTunnelDocumentName(env.name),
        region: env.aws.region,
        instanceIdentifiers: databaseIdentifiers(env),
        port: env.database.port,
      });
    }
    new AccountAudit(this, 'audit', {
      account,
      administratorArns,
      guardedBucketNames: [first.state.bucket, ...copyBuckets],
      tags,
    });
    new TerraformOutput(this, 'state_bucket_name', { value: this.state.bucket.bucket });
    new TerraformOutput(this, 'state_key_arn', { value: this.state.key.key.arn });
  }

  private configureBackend(first: EnvironmentConfig): void {
    if (first.delivery.bootstrapBackend === 'local') {
      // In the project root (git-ignored), outside cdktf.out which every synth rewrites.
      new LocalBackend(this, { path: `../../../terraform.${bootstrapStackName(this.account)}.tfstate` });
      return;
    }
    const backend = new S3Backend(this, {
      bucket: first.state.bucket,
      key: BOOTSTRAP_STATE_KEY,
      region: first.state.region,
      encrypt: true,
      kmsKeyId: stateKeyAliasArn(first),
    });
    backend.addOverride('use_lockfile', true);
  }

  private defineRoles(
    env: EnvironmentConfig,
    providerArn: string,
    dependsOn: ITerraformDependable[],
    boundaryArn: string,
  ): void {
    const { delivery } = env;
    const gate = delivery.planRole.githubEnvironment;
    const plan = new GitHubOidcRole(this, `${env.name}_plan`, {
      name: delivery.planRole.name,
      description: `Plans ${env.name} from pull requests${gate ? ` in GitHub Environment ${gate}` : ''} and the nightly drift check of ${delivery.repository}: read-only`,
      providerArn,
      dependsOn,
      // Behind an Environment's reviewers a pull request's code gets the role only once approved (threat model).
      subjects: [
        gate
          ? githubSubject.environment(delivery.repository, gate)
          : githubSubject.pullRequest(delivery.repository),
        githubSubject.branch(delivery.repository, delivery.deployBranch),
      ],
      statements: planRoleStatements(env),
      permissionsBoundaryArn: boundaryArn,
    });
    const deploy = new GitHubOidcRole(this, `${env.name}_deploy`, {
      name: delivery.deployRole.name,
      description: `Deploys ${env.name} from ${delivery.deployBranch} of ${delivery.repository} in GitHub Environment ${delivery.githubEnvironment}`,
      providerArn,
      dependsOn,
      subjects: [githubSubject.environment(delivery.repository, delivery.githubEnvironment)],
      statements: deployRoleStatements(env),
      permissionsBoundaryArn: boundaryArn,
    });
    // Planning reads every Kubernetes object the stack owns (Secrets included); deploying creates namespaces.
    this.grantClusterAccess(env, 'plan', plan, 'AmazonEKSAdminViewPolicy');
    this.grantClusterAccess(env, 'deploy', deploy, 'AmazonEKSClusterAdminPolicy');
    new TerraformOutput(this, `${env.name}_plan_role_arn`, { value: plan.role.arn });
    new TerraformOutput(this, `${env.name}_deploy_role_arn`, { value: deploy.role.arn });
  }

  private grantClusterAccess(
    env: EnvironmentConfig,
    purpose: string,
    role: GitHubOidcRole,
    policy: string,
  ): void {
    const clusterName = env.cluster.eksClusterName;
    const entry = new EksAccessEntry(this, `${env.name}_${purpose}_cluster_access`, {
      clusterName,
      principalArn: role.role.arn,
      type: 'STANDARD',
    });
    new EksAccessPolicyAssociation(this, `${env.name}_${purpose}_cluster_policy`, {
      clusterName,
      principalArn: entry.principalArn,
      policyArn: `${EKS_POLICY}/${policy}`,
      accessScope: { type: 'cluster' },
    });
  }
}

/** The state key by alias, as the S3 backends name it (known before the key exists). */
export const stateKeyAliasArn = (env: EnvironmentConfig): string =>
  `arn:aws:kms:${env.state.region}:${env.aws.accountId}:${env.state.kmsKeyAlias}`;

/**
 * How changes reach the environment: the GitHub repository whose workflows may act on its account, the GitHub
 * Environment its deploys run in, the two roles the per-account bootstrap stack creates for it, and the host its
 * workflows reach the private database through.
 */

/** The role pull requests and the nightly drift check plan with: reads, never writes (the state lock included). */
export interface PlanRoleConfig {
  /** IAM role name, unique in the account. */
  readonly name: string;
  /**
   * GitHub Environment a pull request's plan job runs in (its required reviewers are the approval gate before a
   * branch's code gets this role). When set, the role trusts that Environment and the deploy branch, never
   * `pull_request`; required in production (docs/threat-model.md). Unset: any pull request of the repository plans.
   */
  readonly githubEnvironment?: string;
  /**
   * Read actions on the platform's services (`rds:Describe*`, `eks:DescribeCluster`, …), granted on every resource.
   * Only Describe/Get/List verbs; actions that read data (objects, secrets, parameters, keys) are refused here —
   * the state and the database master secret are granted by the bootstrap stack, scoped to their ARNs.
   */
  readonly readActions: readonly string[];
}

/** The role the deploy workflow applies with, from the deploy branch inside the environment's GitHub Environment. */
export interface DeployRoleConfig {
  /** IAM role name, unique in the account. */
  readonly name: string;
  /**
   * Actions on the platform's services the environment stack creates and changes (RDS, EC2 security groups, KMS,
   * CloudWatch Logs, …). No IAM, STS, S3 or account-wide actions: the bootstrap stack grants IAM (the monitoring
   * role only), the state and the tunnel itself, scoped to their ARNs.
   */
  readonly serviceActions: readonly string[];
}

export interface DeliveryConfig {
  /** `owner/name` of the GitHub repository whose workflows may assume the roles. */
  readonly repository: string;
  /** The branch deploys come from (the GitHub Environment's deployment branch); the nightly drift check runs on it. */
  readonly deployBranch: string;
  /** GitHub Environment the deploy job runs in: its protection rules (reviewers, branch) gate the deploy role. */
  readonly githubEnvironment: string;
  /**
   * IAM roles or users (ARNs in the environment's account) that administer the state key and may read the state
   * besides the plan and deploy roles: the people who run the bootstrap stack.
   */
  readonly administratorArns: readonly string[];
  /** An SSM-managed instance in the VPC the workflows port-forward the database through. */
  readonly databaseTunnelInstanceId: string;
  /**
   * Where the bootstrap stack keeps its own state: `local` for the first deploy (the bucket does not exist yet),
   * `s3` once migrated into the bucket (docs/first-deploy.md).
   */
  readonly bootstrapBackend: 'local' | 's3';
  readonly planRole: PlanRoleConfig;
  readonly deployRole: DeployRoleConfig;
}

/**
 * An IAM role that GitHub Actions workflows of one repository assume through the account's OIDC provider, for the
 * exact OIDC subjects given (a pull request, a branch, a GitHub Environment), with an inline policy and a
 * permissions boundary.
 */
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
/** The audience configure-aws-credentials requests; GitHub's default audience is the owner's URL instead. */
export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';

/** OIDC subjects as GitHub writes them (docs.github.com, "OpenID Connect reference"). */
export const githubSubject = {
  pullRequest: (repository: string) => `repo:${repository}:pull_request`,
  branch: (repository: string, branch: string) => `repo:${repository}:ref:refs/heads/${branch}`,
  environment: (repository: string, environment: string) => `repo:${repository}:environment:${environment}`,
};

export interface GitHubOidcRoleProps {
  readonly name: string;
  readonly description: string;
  /** ARN of the account's GitHub OIDC provider (built from the account id: known at plan time). */
  readonly providerArn: string;
  /** What the role is created after: the OIDC provider and the boundary policy (both named by literal ARNs). */
  readonly dependsOn: readonly ITerraformDependable[];
  /** Exact `sub` claims accepted; no wildcards. */
  readonly subjects: readonly string[];
  readonly statements: readonly DataAwsIamPolicyDocumentStatement[];
  readonly permissionsBoundaryArn: string;
  /** Longest session a workflow gets. @default 3600 */
  readonly maxSessionSeconds?: number;
}

export class GitHubOidcRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: GitHubOidcRoleProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          sid: 'GitHubActionsOfThisRepository',
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [{ type: 'Federated', identifiers: [props.providerArn] }],
          condition: [
            { test: 'StringEquals', variable: `${GITHUB_OIDC_HOST}:aud`, values: [GITHUB_OIDC_AUDIENCE] },
            { test: 'StringEquals', variable: `${GITHUB_OIDC_HOST}:sub`, values: [...props.subjects] },
          ],
        },
      ],
    });
    this.role = new IamRole(this, 'role', {
      name: props.name,
      description: props.description,
      assumeRolePolicy: trust.json,
      permissionsBoundary: props.permissionsBoundaryArn,
      maxSessionDuration: props.maxSessionSeconds ?? 3600,
      dependsOn: [...props.dependsOn],
    });
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions', {
      statement: [...props.statements],
    });
    new IamRolePolicy(this, 'policy', {
      name: props.name,
      role: this.role.name,
      policy: permissions.json,
    });
  }
}

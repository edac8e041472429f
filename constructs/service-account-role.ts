/**
 * An IAM role for one Kubernetes service account (IRSA): only a token the cluster's OIDC issuer signed for
 * `system:serviceaccount:<namespace>:<name>`, with the STS audience, can assume it.
 */
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';

export const STS_AUDIENCE = 'sts.amazonaws.com';

export interface ServiceAccountRoleProps {
  readonly name: string;
  readonly description: string;
  readonly accountId: string;
  /** The cluster's OIDC issuer URL (https://oidc.eks.<region>.amazonaws.com/id/<id>), registered in IAM. */
  readonly oidcIssuerUrl: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly permissionsBoundaryArn: string;
  /** What the role may do (an inline policy: it exists only for this role). */
  readonly statements: readonly DataAwsIamPolicyDocumentStatement[];
}

export class ServiceAccountRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ServiceAccountRoleProps) {
    super(scope, id);
    const issuer = props.oidcIssuerUrl.replace(/^https:\/\//, '');
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [
            { type: 'Federated', identifiers: [`arn:aws:iam::${props.accountId}:oidc-provider/${issuer}`] },
          ],
          condition: [
            {
              test: 'StringEquals',
              variable: `${issuer}:sub`,
              values: [`system:serviceaccount:${props.namespace}:${props.serviceAccount}`],
            },
            { test: 'StringEquals', variable: `${issuer}:aud`, values: [STS_AUDIENCE] },
          ],
        },
      ],
    });
    this.role = new IamRole(this, 'role', {
      name: props.name,
      description: props.description,
      assumeRolePolicy: trust.json,
      maxSessionDuration: 3600,
      permissionsBoundary: props.permissionsBoundaryArn,
    });
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions', {
      statement: [...props.statements],
    });
    new IamRolePolicy(this, 'policy', { name: props.name, role: this.role.name, policy: permissions.json });
  }
}

/**
 * The permissions boundary of the plan and deploy roles: whatever their inline policies say, they never reach
 * beyond the platform's services, never create long-lived credentials, and never weaken the delivery setup itself
 * (the boundary, the roles, the state bucket and its key).
 */
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatementCondition,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Construct } from 'constructs';
import { deliveryBoundaryServices } from '../environments/delivery-defaults';

export interface DeliveryBoundaryProps {
  readonly accountId: string;
  readonly stateBucketArn: string;
  /** Resources and condition naming the state key (by alias: known at plan time). */
  readonly stateKey: {
    readonly resources: string[];
    readonly condition: DataAwsIamPolicyDocumentStatementCondition[];
  };
  /** The plan and deploy roles the boundary applies to. */
  readonly roleArns: readonly string[];
}

export const DELIVERY_BOUNDARY_NAME = 'lightwave-delivery-boundary';

export class DeliveryBoundary extends Construct {
  readonly policy: IamPolicy;
  /** Built from the name, so the roles naming it are known at plan time. */
  readonly arn: string;

  constructor(scope: Construct, id: string, props: DeliveryBoundaryProps) {
    super(scope, id);
    this.arn = `arn:aws:iam::${props.accountId}:policy/${DELIVERY_BOUNDARY_NAME}`;
    const document = new DataAwsIamPolicyDocument(this, 'document', {
      statement: [
        {
          sid: 'PlatformServicesOnly',
          // Services the environment stacks use; anything else stays out of reach.
          actions: deliveryBoundaryServices.map((s) => `${s}:*`),
          resources: ['*'],
        },
        {
          sid: 'NoLongLivedCredentials',
          effect: 'Deny',
          actions: [
            'iam:CreateUser',
            'iam:CreateAccessKey',
            'iam:CreateLoginProfile',
            'iam:UpdateLoginProfile',
          ],
          resources: ['*'],
        },
        {
          sid: 'BoundaryStaysAsIs',
          effect: 'Deny',
          actions: [
            'iam:CreatePolicyVersion',
            'iam:DeletePolicy',
            'iam:DeletePolicyVersion',
            'iam:SetDefaultPolicyVersion',
          ],
          resources: [this.arn],
        },
        {
          sid: 'DeliveryRolesStayAsIs',
          effect: 'Deny',
          actions: [
            'iam:AttachRolePolicy',
            'iam:DeleteRole',
            'iam:DeleteRolePermissionsBoundary',
            'iam:DeleteRolePolicy',
            'iam:DetachRolePolicy',
            'iam:PutRolePermissionsBoundary',
            'iam:PutRolePolicy',
            'iam:UpdateAssumeRolePolicy',
          ],
          resources: [...props.roleArns],
        },
        {
          sid: 'StateBucketStaysAsIs',
          effect: 'Deny',
          actions: [
            's3:DeleteBucket',
            's3:DeleteBucketPolicy',
            's3:PutBucketPolicy',
            's3:PutBucketVersioning',
            's3:PutEncryptionConfiguration',
            's3:PutLifecycleConfiguration',
            's3:PutBucketPublicAccessBlock',
            's3:DeleteObjectVersion',
          ],
          resources: [props.stateBucketArn, `${props.stateBucketArn}/*`],
        },
        {
          sid: 'StateKeyStaysAsIs',
          effect: 'Deny',
          actions: ['kms:DisableKey', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:CreateGrant'],
          ...props.stateKey,
        },
      ],
    });
    this.policy = new IamPolicy(this, 'policy', {
      name: DELIVERY_BOUNDARY_NAME,
      description: 'Permissions boundary of the GitHub Actions plan and deploy roles',
      policy: document.json,
    });
  }
}

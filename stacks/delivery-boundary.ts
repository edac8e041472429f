/**
 * The permissions boundary of the plan and deploy roles: whatever their inline policies say, they never reach
 * beyond the platform's services, never create long-lived credentials, never weaken the delivery setup itself
 * (the boundaries, the roles, the state bucket and its key), create or change a role only under the workload
 * boundary, and, in an account with production data, never destroy its backups, keys or copy history.
 */
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatementCondition,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Construct } from 'constructs';
import { deliveryBoundaryServices } from '../environments/delivery-defaults';
import { productionDataStatements, type ProductionDataProps } from './production-data-denials';

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
  /** The boundary every role the deploy role creates or changes must carry (stacks/workload-boundary.ts). */
  readonly workloadBoundaryArn: string;
  /**
   * Topics of the account's alarm on destructive calls (`*` wildcards allowed): never deleted, re-permissioned or
   * unsubscribed under this boundary (its trail and rule are out of reach already: no `cloudtrail` or `events`).
   */
  readonly alarmTopicArns: readonly string[];
  /**
   * The account holds production data: no vault lock, recovery point, KMS key or media copy history may be destroyed
   * under this boundary (docs/threat-model.md). Absent: a development account, torn down at will.
   */
  readonly productionData?: ProductionDataProps;
}

/** IAM writes whose `iam:PermissionsBoundary` is the boundary the role gets (or has): AWS IAM User Guide, "IAM condition keys". */
export const BOUNDED_ROLE_WRITES = [
  'iam:AttachRolePolicy',
  'iam:CreateRole',
  'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy',
  'iam:PutRolePermissionsBoundary',
  'iam:PutRolePolicy',
];

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
          resources: [this.arn, props.workloadBoundaryArn],
        },
        {
          sid: 'BoundariesStay',
          effect: 'Deny',
          actions: ['iam:DeleteRolePermissionsBoundary'],
          resources: ['*'],
        },
        {
          // A grant names any grantee, another account's too: only grants AWS services create for a resource.
          sid: 'GrantsForAwsResourcesOnly',
          effect: 'Deny',
          actions: ['kms:CreateGrant'],
          resources: ['*'],
          condition: [{ test: 'BoolIfExists', variable: 'kms:GrantIsForAWSResource', values: ['false'] }],
        },
        {
          // A trust policy carries no boundary condition: rewritten, any role could trust another account.
          sid: 'TrustPoliciesStay',
          effect: 'Deny',
          actions: ['iam:UpdateAssumeRolePolicy'],
          resources: ['*'],
        },
        {
          // A role created or changed under this boundary carries the workload boundary, whatever it trusts.
          sid: 'ManagedRolesCarryTheWorkloadBoundary',
          effect: 'Deny',
          actions: BOUNDED_ROLE_WRITES,
          resources: ['*'],
          condition: [
            {
              test: 'StringNotEquals',
              variable: 'iam:PermissionsBoundary',
              values: [props.workloadBoundaryArn],
            },
          ],
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
        {
          sid: 'AlarmTopicsStay',
          effect: 'Deny',
          actions: [
            'sns:AddPermission',
            'sns:DeleteTopic',
            'sns:RemovePermission',
            'sns:SetSubscriptionAttributes',
            'sns:SetTopicAttributes',
            'sns:Unsubscribe',
          ],
          // Unsubscribe and SetSubscriptionAttributes name the subscription: `<topic ARN>:<id>`.
          resources: props.alarmTopicArns.flatMap((arn) => [arn, `${arn}:*`]),
        },
        ...(props.productionData ? productionDataStatements(props.productionData) : []),
      ],
    });
    this.policy = new IamPolicy(this, 'policy', {
      name: DELIVERY_BOUNDARY_NAME,
      description: 'Permissions boundary of the GitHub Actions plan and deploy roles',
      policy: document.json,
    });
  }
}

/**
 * The permissions boundary of the roles an environment stack owns (RDS enhanced monitoring, AWS Backup's service
 * role, the media copy job's IRSA role). The deploy role may create and change those roles only with this boundary
 * attached (the delivery boundary and its own policy say so), so a role it creates or rewrites, whatever its trust
 * or inline policy, reaches no further than this: no IAM, no STS, no secrets, S3 only on the media copy buckets, and
 * in production never the backups, the keys or the copy's history.
 */
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { Construct } from 'constructs';
import { productionDataStatements } from './production-data-denials';

export const WORKLOAD_BOUNDARY_NAME = 'lightwave-workload-boundary';

/** Known before the policy exists: the environment stacks and the deploy role's conditions name it. */
export const workloadBoundaryArn = (accountId: string): string =>
  `arn:aws:iam::${accountId}:policy/${WORKLOAD_BOUNDARY_NAME}`;

export interface WorkloadBoundaryProps {
  readonly accountId: string;
  /** The media copy buckets of the account's environments (the only S3 a workload role reaches). */
  readonly copyBucketNames: readonly string[];
  /** The account holds production data: the same denials as the delivery boundary's (production-data-denials.ts). */
  readonly productionData?: boolean;
}

/**
 * The actions of the managed policies those roles carry, RDS instances only (AWS Managed Policy Reference:
 * AmazonRDSEnhancedMonitoringRole; AWSBackupServiceRolePolicyForBackup, its RDS, vault, KMS and tag statements;
 * AWSBackupServiceRolePolicyForRestores, its RDS statement), and the media copy job's key use. Snapshot sharing
 * (rds:ModifyDBSnapshotAttribute, in AWS's backup policy for cross-account copies) is left out: no copy leaves the
 * account. A role the deploy role rewrites with `*:*` reaches exactly these.
 */
function workloadStatements(accountId: string): DataAwsIamPolicyDocumentStatement[] {
  const logGroup = `arn:aws:logs:*:${accountId}:log-group:RDS*`;
  return [
    {
      sid: 'EnhancedMonitoringLogs',
      actions: [
        'logs:CreateLogGroup',
        'logs:CreateLogStream',
        'logs:DescribeLogStreams',
        'logs:GetLogEvents',
        'logs:PutLogEvents',
        'logs:PutRetentionPolicy',
      ],
      resources: [logGroup, `${logGroup}:log-stream:*`],
    },
    {
      sid: 'DatabaseSnapshotsAndRestores',
      actions: [
        'rds:AddTagsToResource',
        'rds:CopyDBSnapshot',
        'rds:CreateDBInstance',
        'rds:CreateDBSnapshot',
        'rds:DeleteDBInstance',
        'rds:DeleteDBInstanceAutomatedBackup',
        'rds:DeleteDBSnapshot',
        'rds:DescribeDBInstances',
        'rds:DescribeDBSnapshots',
        'rds:ListTagsForResource',
        'rds:ModifyDBInstance',
        'rds:RestoreDBInstanceFromDBSnapshot',
        'rds:RestoreDBInstanceToPointInTime',
        'ec2:Describe*',
        'tag:GetResources',
      ],
      resources: ['*'],
    },
    {
      sid: 'BackupVaultsAndCopies',
      actions: ['backup:CopyFromBackupVault', 'backup:CopyIntoBackupVault', 'backup:DescribeBackupVault'],
      resources: ['*'],
    },
    {
      sid: 'KeyUse',
      actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
      resources: [`arn:aws:kms:*:${accountId}:key/*`],
    },
    {
      // RDS and AWS Backup create grants on the caller's behalf; a grant to anyone else is refused.
      sid: 'GrantsForAwsResourcesOnly',
      actions: ['kms:CreateGrant'],
      resources: [`arn:aws:kms:*:${accountId}:key/*`],
      condition: [{ test: 'Bool', variable: 'kms:GrantIsForAWSResource', values: ['true'] }],
    },
  ];
}

export class WorkloadBoundary extends Construct {
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: WorkloadBoundaryProps) {
    super(scope, id);
    const buckets = props.copyBucketNames.map((b) => `arn:aws:s3:::${b}`);
    const document = new DataAwsIamPolicyDocument(this, 'document', {
      statement: [
        ...workloadStatements(props.accountId),
        ...(buckets.length > 0
          ? [
              {
                sid: 'MediaCopyBucketsOnly',
                actions: ['s3:*'],
                resources: [...buckets, ...buckets.map((b) => `${b}/*`)],
              },
            ]
          : []),
        ...(props.productionData
          ? productionDataStatements({ accountId: props.accountId, copyBucketArns: buckets })
          : []),
      ],
    });
    this.policy = new IamPolicy(this, 'policy', {
      name: WORKLOAD_BOUNDARY_NAME,
      description:
        'Permissions boundary of the roles the environment stacks own (and the deploy role manages)',
      policy: document.json,
    });
  }
}

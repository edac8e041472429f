/**
 * The permissions boundary of the roles an environment stack owns (RDS enhanced monitoring, AWS Backup's service
 * role, the media copy job's IRSA role). The deploy role may create and change those roles only with this boundary
 * attached (the delivery boundary and its own policy say so), so a role it creates or rewrites, whatever its trust
 * or inline policy, reaches no further than this: no IAM, no STS, no secrets, S3 only on the media copy buckets, and
 * in production never the backups, the keys or the copy's history.
 */
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
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
 * What the managed policies of those roles use: CloudWatch Logs (AmazonRDSEnhancedMonitoringRole); AWS Backup, RDS
 * snapshots, KMS grants, tag lookups and EC2 descriptions (AWSBackupServiceRolePolicyForBackup/ForRestores, RDS only).
 */
const WORKLOAD_SERVICES = [
  'logs:*',
  'backup:*',
  'backup-storage:*',
  'rds:*',
  'kms:*',
  'tag:GetResources',
  'ec2:Describe*',
];

export class WorkloadBoundary extends Construct {
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: WorkloadBoundaryProps) {
    super(scope, id);
    const buckets = props.copyBucketNames.map((b) => `arn:aws:s3:::${b}`);
    const document = new DataAwsIamPolicyDocument(this, 'document', {
      statement: [
        { sid: 'WorkloadServicesOnly', actions: WORKLOAD_SERVICES, resources: ['*'] },
        ...(buckets.length > 0
          ? [
              {
                sid: 'MediaCopyBucketsOnly',
                actions: ['s3:*'],
                resources: [...buckets, ...buckets.map((b) => `${b}/*`)],
              },
            ]
          : []),
        ...(props.productionData ? productionDataStatements(buckets) : []),
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

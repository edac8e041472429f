/**
 * The inline policies of an environment's plan and deploy roles. Service actions come from the environment config
 * (validated); everything that touches data or IAM is built here and scoped to ARNs: the environment's state object
 * and lock file, the state key, the database master secret, the tunnel host and the monitoring role.
 */
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { EnvironmentConfig } from '../environments/config';

type Statement = DataAwsIamPolicyDocumentStatement;

/** Terraform's S3 backend writes the lock next to the state (`use_lockfile`). */
export const lockFileKey = (stateKey: string): string => `${stateKey}.tflock`;

const ENHANCED_MONITORING_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole';

/**
 * The state key, named by its alias: the key's ARN is only known after it is created, the alias from config, so
 * every policy naming the key this way is readable in a plan.
 */
export function stateKey(env: Pick<EnvironmentConfig, 'aws' | 'state'>) {
  return {
    resources: [`arn:aws:kms:${env.state.region}:${env.aws.accountId}:key/*`],
    condition: [
      { test: 'ForAnyValue:StringEquals', variable: 'kms:ResourceAliases', values: [env.state.kmsKeyAlias] },
    ],
  };
}

function stateAccess(env: EnvironmentConfig, writesState: boolean): Statement[] {
  const bucket = `arn:aws:s3:::${env.state.bucket}`;
  const state = `${bucket}/${env.state.key}`;
  const lock = `${bucket}/${lockFileKey(env.state.key)}`;
  return [
    { sid: 'ListStateBucket', actions: ['s3:ListBucket'], resources: [bucket] },
    { sid: 'ReadState', actions: ['s3:GetObject'], resources: [state, lock] },
    {
      sid: writesState ? 'WriteStateAndLockFile' : 'WriteLockFileOnly',
      actions: ['s3:PutObject', 's3:DeleteObject'],
      resources: writesState ? [state, lock] : [lock],
    },
    {
      sid: 'UseStateKeyThroughS3',
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      ...stateKey(env),
      condition: [
        {
          test: 'StringEquals',
          variable: 'kms:ViaService',
          values: [`s3.${env.state.region}.amazonaws.com`],
        },
      ],
    },
  ];
}

/** The postgresql provider's route: a port-forwarding session to the tunnel host, and the master password. */
function databaseAccess(env: EnvironmentConfig): Statement[] {
  const { accountId, region } = env.aws;
  return [
    {
      sid: 'PortForwardThroughTunnelHost',
      actions: ['ssm:StartSession'],
      resources: [
        `arn:aws:ec2:${region}:${accountId}:instance/${env.delivery.databaseTunnelInstanceId}`,
        `arn:aws:ssm:${region}::document/AWS-StartPortForwardingSessionToRemoteHost`,
      ],
    },
    {
      sid: 'ReadDatabaseMasterSecret',
      actions: ['secretsmanager:GetSecretValue'],
      // RDS names the secrets it manages rds!db-<uuid>.
      resources: [`arn:aws:secretsmanager:${region}:${accountId}:secret:rds!db-*`],
    },
    {
      sid: 'DecryptDatabaseMasterSecret',
      actions: ['kms:Decrypt'],
      resources: [`arn:aws:kms:${region}:${accountId}:key/*`],
      condition: [
        {
          test: 'StringEquals',
          variable: 'kms:ViaService',
          values: [`secretsmanager.${region}.amazonaws.com`],
        },
      ],
    },
  ];
}

export function planRoleStatements(env: EnvironmentConfig): Statement[] {
  return [
    { sid: 'ReadPlatformConfiguration', actions: [...env.delivery.planRole.readActions], resources: ['*'] },
    ...stateAccess(env, false),
    ...databaseAccess(env),
  ];
}

/** IAM for the one role the environment stack owns: RDS enhanced monitoring. */
function monitoringRoleAccess(env: EnvironmentConfig): Statement[] {
  const role = `arn:aws:iam::${env.aws.accountId}:role/${env.database.identifier}-rds-monitoring`;
  return [
    {
      sid: 'ManageMonitoringRole',
      actions: [
        'iam:CreateRole',
        'iam:DeleteRole',
        'iam:GetRole',
        'iam:ListAttachedRolePolicies',
        'iam:ListInstanceProfilesForRole',
        'iam:ListRolePolicies',
        'iam:TagRole',
        'iam:UntagRole',
        'iam:UpdateRole',
        'iam:UpdateRoleDescription',
      ],
      resources: [role],
    },
    {
      sid: 'AttachOnlyEnhancedMonitoringPolicy',
      actions: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy'],
      resources: [role],
      condition: [{ test: 'ArnEquals', variable: 'iam:PolicyARN', values: [ENHANCED_MONITORING_POLICY] }],
    },
    {
      sid: 'PassMonitoringRoleToRds',
      actions: ['iam:PassRole'],
      resources: [role],
      condition: [
        { test: 'StringEquals', variable: 'iam:PassedToService', values: ['monitoring.rds.amazonaws.com'] },
      ],
    },
    {
      sid: 'CreateRdsServiceLinkedRole',
      actions: ['iam:CreateServiceLinkedRole'],
      resources: [`arn:aws:iam::${env.aws.accountId}:role/aws-service-role/rds.amazonaws.com/*`],
      condition: [{ test: 'StringEquals', variable: 'iam:AWSServiceName', values: ['rds.amazonaws.com'] }],
    },
  ];
}

export function deployRoleStatements(env: EnvironmentConfig): Statement[] {
  return [
    { sid: 'ManagePlatformServices', actions: [...env.delivery.deployRole.serviceActions], resources: ['*'] },
    ...monitoringRoleAccess(env),
    ...stateAccess(env, true),
    ...databaseAccess(env),
  ];
}

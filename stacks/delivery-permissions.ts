/**
 * The inline policies of an environment's plan and deploy roles. Service actions come from the environment config
 * (validated); everything that touches data or IAM is built here and scoped to ARNs: the environment's state object
 * and lock file, the state key, the database master secret, the tunnel host, the roles the environment stack owns
 * (RDS monitoring, AWS Backup, the media copy job) and the media copy bucket's settings.
 */
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import type { EnvironmentConfig } from '../environments/config';
import { BACKUP_SERVICE_POLICIES, backupRoleName, mediaCopyRoleName } from './data-protection-roles';
import { databaseTunnelDocumentName } from './database-tunnel-document';
import { workloadBoundaryArn } from './workload-boundary';

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
    // Plans run with -lock=false (scripts/ci/plan.sh): a plan role that may write the lock could hold off deploys.
    { sid: 'ReadState', actions: ['s3:GetObject'], resources: writesState ? [state, lock] : [state] },
    ...(writesState
      ? [
          {
            sid: 'WriteStateAndLockFile',
            actions: ['s3:PutObject', 's3:DeleteObject'],
            resources: [state, lock],
          },
        ]
      : []),
    {
      sid: 'UseStateKeyThroughS3',
      actions: writesState ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'],
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

/**
 * The postgresql provider's route: a port-forwarding session to the tunnel host through the environment's own
 * document (the database endpoint and port only), and the master password.
 */
function databaseAccess(env: EnvironmentConfig): Statement[] {
  const { accountId, region } = env.aws;
  return [
    {
      sid: 'PortForwardToTheDatabaseOnly',
      actions: ['ssm:StartSession'],
      resources: [
        `arn:aws:ec2:${region}:${accountId}:instance/${env.delivery.databaseTunnelInstanceId}`,
        `arn:aws:ssm:${region}:${accountId}:document/${databaseTunnelDocumentName(env.name)}`,
      ],
      // Without it a start-session naming no document opens a shell on the host (AWS Systems Manager User Guide,
      // "Enforce a session document permission check for the AWS CLI").
      condition: [{ test: 'BoolIfExists', variable: 'ssm:SessionDocumentAccessCheck', values: ['true'] }],
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
    ...mediaCopyBucketAccess(env, false),
    ...stateAccess(env, false),
    ...databaseAccess(env),
  ];
}

/**
 * What Terraform calls to refresh, tag and delete a role (creating it is bounded: see createBounded). In production
 * no deletion: a deleted role could be recreated trusting another account, so administrators replace them (the
 * production denials say so too).
 */
const manageRole = (env: EnvironmentConfig): string[] => [
  ...(env.tier === 'production' ? [] : ['iam:DeleteRole']),
  'iam:GetRole',
  'iam:ListAttachedRolePolicies',
  'iam:ListInstanceProfilesForRole',
  'iam:ListRolePolicies',
  'iam:TagRole',
  'iam:UntagRole',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
];

/** The boundary condition every role-creating or -changing statement carries (the delivery boundary insists too). */
const carriesWorkloadBoundary = (env: EnvironmentConfig) => ({
  test: 'StringEquals',
  variable: 'iam:PermissionsBoundary',
  values: [workloadBoundaryArn(env.aws.accountId)],
});

/** Creating `roles` and setting their boundary: only with the workload boundary. */
const createBounded = (sid: string, env: EnvironmentConfig, roles: readonly string[]): Statement => ({
  sid,
  actions: ['iam:CreateRole', 'iam:PutRolePermissionsBoundary'],
  resources: [...roles],
  condition: [carriesWorkloadBoundary(env)],
});

const roleArnOf = (env: EnvironmentConfig, name: string) => `arn:aws:iam::${env.aws.accountId}:role/${name}`;

/** Attaching and detaching only the given managed policies to `roles`, which carry the workload boundary. */
const attachOnly = (
  sid: string,
  env: EnvironmentConfig,
  roles: readonly string[],
  policies: readonly string[],
): Statement => ({
  sid,
  actions: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy'],
  resources: [...roles],
  condition: [
    { test: 'ArnEquals', variable: 'iam:PolicyARN', values: [...policies] },
    carriesWorkloadBoundary(env),
  ],
});

/** Passing `role` to one service only. */
const passRoleTo = (sid: string, role: string, service: string): Statement => ({
  sid,
  actions: ['iam:PassRole'],
  resources: [role],
  condition: [{ test: 'StringEquals', variable: 'iam:PassedToService', values: [service] }],
});

/** Creating the service-linked role of one service (the service does, with the caller's permission). */
const createServiceLinkedRole = (sid: string, env: EnvironmentConfig, service: string): Statement => ({
  sid,
  actions: ['iam:CreateServiceLinkedRole'],
  resources: [`arn:aws:iam::${env.aws.accountId}:role/aws-service-role/${service}/*`],
  condition: [{ test: 'StringEquals', variable: 'iam:AWSServiceName', values: [service] }],
});

/**
 * The instance identifiers of an environment: the live one, and during a restore to a new identifier the one it
 * replaces (its monitoring role is deleted by the deploy that retires it; the tunnel may still reach it).
 */
export function databaseIdentifiers(env: EnvironmentConfig): string[] {
  const { identifier, restore } = env.database;
  return [identifier, ...(restore && restore.replaces !== identifier ? [restore.replaces] : [])];
}

/**
 * IAM for the role RDS enhanced monitoring uses, named after the instance. During a restore to a new identifier the
 * replaced instance's role too: the deploy that restores (and the one that retires the old instance) deletes it,
 * outside production (there an administrator does: see manageRole).
 */
function monitoringRoleAccess(env: EnvironmentConfig): Statement[] {
  const roles = databaseIdentifiers(env).map((id) => roleArnOf(env, `${id}-rds-monitoring`));
  const [role] = roles;
  return [
    { sid: 'ManageMonitoringRole', actions: manageRole(env), resources: roles },
    createBounded('CreateMonitoringRoleBounded', env, roles),
    attachOnly('AttachOnlyEnhancedMonitoringPolicy', env, roles, [ENHANCED_MONITORING_POLICY]),
    passRoleTo('PassMonitoringRoleToRds', role, 'monitoring.rds.amazonaws.com'),
    createServiceLinkedRole('CreateRdsServiceLinkedRole', env, 'rds.amazonaws.com'),
  ];
}

/** IAM for the data protection layer's roles: AWS Backup's service role and the media copy job's IRSA role. */
function dataProtectionRoleAccess(env: EnvironmentConfig): Statement[] {
  const { backup, mediaCopy } = env.dataProtection;
  const backupRole = roleArnOf(env, backupRoleName(env.name));
  const copyRole = roleArnOf(env, mediaCopyRoleName(env.name));
  return [
    ...(backup.enabled
      ? [
          { sid: 'ManageBackupRole', actions: manageRole(env), resources: [backupRole] },
          createBounded('CreateBackupRoleBounded', env, [backupRole]),
          attachOnly('AttachOnlyBackupServicePolicies', env, [backupRole], BACKUP_SERVICE_POLICIES),
          passRoleTo('PassBackupRoleToBackup', backupRole, 'backup.amazonaws.com'),
          createServiceLinkedRole('CreateBackupServiceLinkedRole', env, 'backup.amazonaws.com'),
        ]
      : []),
    ...(mediaCopy.enabled
      ? [
          {
            sid: 'ManageMediaCopyRole',
            actions: [...manageRole(env), 'iam:GetRolePolicy'],
            resources: [copyRole],
          },
          createBounded('CreateMediaCopyRoleBounded', env, [copyRole]),
          {
            sid: 'WriteMediaCopyInlinePolicyBounded',
            actions: ['iam:DeleteRolePolicy', 'iam:PutRolePolicy'],
            resources: [copyRole],
            condition: [carriesWorkloadBoundary(env)],
          },
        ]
      : []),
  ];
}

/** The bucket-level S3 actions Terraform reads an aws_s3_bucket and its settings with (no object is read). */
const READ_BUCKET_SETTINGS = [
  's3:GetAccelerateConfiguration',
  's3:GetBucket*',
  's3:GetEncryptionConfiguration',
  's3:GetLifecycleConfiguration',
  's3:GetReplicationConfiguration',
  's3:ListBucket',
];

/** The media copy bucket's settings: read by both roles, written by the deploy role (its objects by neither). */
function mediaCopyBucketAccess(env: EnvironmentConfig, writes: boolean): Statement[] {
  const { mediaCopy } = env.dataProtection;
  if (!mediaCopy.enabled) return [];
  const bucket = `arn:aws:s3:::${mediaCopy.bucketName}`;
  return [
    { sid: 'ReadMediaCopyBucketSettings', actions: READ_BUCKET_SETTINGS, resources: [bucket] },
    ...(writes
      ? [
          {
            sid: 'ManageMediaCopyBucketSettings',
            actions: [
              's3:CreateBucket',
              's3:DeleteBucket',
              's3:DeleteBucketPolicy',
              's3:PutBucketOwnershipControls',
              's3:PutBucketPolicy',
              's3:PutBucketPublicAccessBlock',
              's3:PutBucketTagging',
              's3:PutBucketVersioning',
              's3:PutEncryptionConfiguration',
              's3:PutLifecycleConfiguration',
            ],
            resources: [bucket],
          },
        ]
      : []),
  ];
}

/** Granted only for a grant an AWS service creates on the caller's behalf (RDS, AWS Backup): never to a grantee of its choosing. */
const SERVICE_GRANTS = 'kms:CreateGrant';

/** The configured service actions on every resource; a key grant only when an AWS service asks for it. */
function platformServices(env: EnvironmentConfig): Statement[] {
  const actions = env.delivery.deployRole.serviceActions;
  return [
    {
      sid: 'ManagePlatformServices',
      actions: actions.filter((a) => a !== SERVICE_GRANTS),
      resources: ['*'],
    },
    ...(actions.includes(SERVICE_GRANTS)
      ? [
          {
            sid: 'GrantKeysToAwsResourcesOnly',
            actions: [SERVICE_GRANTS],
            resources: ['*'],
            condition: [{ test: 'Bool', variable: 'kms:GrantIsForAWSResource', values: ['true'] }],
          },
        ]
      : []),
  ];
}

export function deployRoleStatements(env: EnvironmentConfig): Statement[] {
  return [
    ...platformServices(env),
    ...monitoringRoleAccess(env),
    ...dataProtectionRoleAccess(env),
    ...mediaCopyBucketAccess(env, true),
    ...stateAccess(env, true),
    ...databaseAccess(env),
  ];
}

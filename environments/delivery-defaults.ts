/**
 * The plan and deploy roles' service permissions every environment starts from: what refreshing and applying the
 * environment stack's AWS part needs. Data (state, secrets) and IAM are granted by the bootstrap stack, scoped to
 * their ARNs, so neither list names them.
 */

/**
 * The services the delivery boundary allows the plan and deploy roles (the bootstrap stack's
 * `lightwave-delivery-boundary`): every service an environment stack uses. An action granted outside them is denied
 * at deploy time, so validation refuses it in either role's list.
 */
export const deliveryBoundaryServices: readonly string[] = [
  'backup',
  'backup-storage',
  'cloudwatch',
  'ec2',
  'eks',
  'iam',
  'kms',
  'logs',
  'rds',
  's3',
  'secretsmanager',
  'sns',
  'ssm',
  'sts',
];

/** Refreshing the AWS part of an environment stack: describe and list, nothing that returns data. */
export const platformReadActions: readonly string[] = [
  'backup:DescribeBackupVault',
  'backup:GetBackupPlan',
  'backup:GetBackupSelection',
  'backup:ListTags',
  'cloudwatch:DescribeAlarms',
  'cloudwatch:GetDashboard',
  'cloudwatch:ListTagsForResource',
  'ec2:Describe*',
  'eks:DescribeCluster',
  'iam:GetRole',
  'iam:GetRolePolicy',
  'iam:ListAttachedRolePolicies',
  'iam:ListRolePolicies',
  'kms:DescribeKey',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListAliases',
  'kms:ListResourceTags',
  'logs:DescribeLogGroups',
  'logs:ListTagsForResource',
  'logs:ListTagsLogGroup',
  'rds:Describe*',
  'rds:ListTagsForResource',
  'secretsmanager:DescribeSecret',
  'sns:GetSubscriptionAttributes',
  'sns:GetTopicAttributes',
  'sns:ListSubscriptionsByTopic',
  'sns:ListTagsForResource',
];

/**
 * Applying the AWS part: the database (created, or restored from a snapshot or a point in time), its parameter and
 * subnet groups, security group, keys (in the DR region too), log groups, secret; AWS Backup's vaults, locks, plan
 * and selection; the alert topic, its subscriptions, the alarms, the RDS event subscriptions and the dashboard. The
 * roles and the media copy bucket are granted by the bootstrap stack, scoped to their ARNs.
 */
export const platformDeployActions: readonly string[] = [
  // IAM reads of the roles come with their scoped IAM statements.
  ...platformReadActions.filter((action) => !action.startsWith('iam:')),
  'backup-storage:MountCapsule', // associates a vault with its KMS key (CreateBackupVault)
  'backup:CreateBackupPlan',
  'backup:CreateBackupSelection',
  'backup:CreateBackupVault',
  'backup:DeleteBackupPlan',
  'backup:DeleteBackupSelection',
  'backup:DeleteBackupVault',
  'backup:DeleteBackupVaultLockConfiguration',
  'backup:PutBackupVaultLockConfiguration',
  'backup:TagResource',
  'backup:UntagResource',
  'backup:UpdateBackupPlan',
  'cloudwatch:DeleteAlarms',
  'cloudwatch:DeleteDashboards',
  'cloudwatch:PutDashboard',
  'cloudwatch:PutMetricAlarm',
  'cloudwatch:TagResource',
  'cloudwatch:UntagResource',
  'ec2:AuthorizeSecurityGroupIngress',
  'ec2:CreateSecurityGroup',
  'ec2:CreateTags',
  'ec2:DeleteSecurityGroup',
  'ec2:DeleteTags',
  'ec2:ModifySecurityGroupRules',
  'ec2:RevokeSecurityGroupEgress',
  'ec2:RevokeSecurityGroupIngress',
  'ec2:UpdateSecurityGroupRuleDescriptionsIngress',
  'kms:CreateAlias',
  'kms:CreateGrant',
  'kms:CreateKey',
  'kms:Decrypt',
  'kms:DeleteAlias',
  'kms:EnableKeyRotation',
  'kms:GenerateDataKey',
  'kms:PutKeyPolicy',
  'kms:RetireGrant', // deleting a backup vault retires the grant on its key
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
  'logs:AssociateKmsKey',
  'logs:CreateLogGroup',
  'logs:DeleteLogGroup',
  'logs:DisassociateKmsKey',
  'logs:PutRetentionPolicy',
  'logs:TagResource',
  'logs:UntagResource',
  'rds:AddSourceIdentifierToSubscription',
  'rds:AddTagsToResource',
  'rds:CreateDBInstance',
  'rds:CreateDBParameterGroup',
  'rds:CreateDBSubnetGroup',
  'rds:CreateEventSubscription',
  'rds:DeleteDBInstance',
  'rds:DeleteDBParameterGroup',
  'rds:DeleteDBSubnetGroup',
  'rds:DeleteEventSubscription',
  'rds:ModifyDBInstance',
  'rds:ModifyDBParameterGroup',
  'rds:ModifyDBSubnetGroup',
  'rds:ModifyEventSubscription',
  'rds:RebootDBInstance',
  'rds:RemoveSourceIdentifierFromSubscription',
  'rds:RemoveTagsFromResource',
  'rds:RestoreDBInstanceFromDBSnapshot', // database.restore from a snapshot or recovery point
  'rds:RestoreDBInstanceToPointInTime', // database.restore to a point in time
  // RDS creates the master secret (manage_master_user_password) with the caller's permissions.
  'secretsmanager:CreateSecret',
  'secretsmanager:TagResource',
  'sns:CreateTopic',
  'sns:DeleteTopic',
  'sns:SetSubscriptionAttributes',
  'sns:SetTopicAttributes',
  'sns:Subscribe',
  'sns:TagResource',
  'sns:Unsubscribe',
  'sns:UntagResource',
];

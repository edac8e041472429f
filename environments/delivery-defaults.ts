/**
 * The plan and deploy roles' service permissions every environment starts from: what refreshing and applying the
 * environment stack's AWS part needs. Data (state, secrets) and IAM are granted by the bootstrap stack, scoped to
 * their ARNs, so neither list names them.
 */

/** Refreshing the AWS part of an environment stack: describe and list, nothing that returns data. */
export const platformReadActions: readonly string[] = [
  'backup:DescribeBackupVault',
  'backup:GetBackupPlan',
  'backup:GetBackupSelection',
  'backup:ListTags',
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
];

/**
 * Applying the AWS part: the database (created, or restored from a snapshot or a point in time), its parameter and
 * subnet groups, security group, keys (in the DR region too), log groups, secret; AWS Backup's vaults, locks, plan
 * and selection. The roles and the media copy bucket are granted by the bootstrap stack, scoped to their ARNs.
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
  'rds:AddTagsToResource',
  'rds:CreateDBInstance',
  'rds:CreateDBParameterGroup',
  'rds:CreateDBSubnetGroup',
  'rds:DeleteDBInstance',
  'rds:DeleteDBParameterGroup',
  'rds:DeleteDBSubnetGroup',
  'rds:ModifyDBInstance',
  'rds:ModifyDBParameterGroup',
  'rds:ModifyDBSubnetGroup',
  'rds:RebootDBInstance',
  'rds:RemoveTagsFromResource',
  'rds:RestoreDBInstanceFromDBSnapshot', // database.restore from a snapshot or recovery point
  'rds:RestoreDBInstanceToPointInTime', // database.restore to a point in time
  // RDS creates the master secret (manage_master_user_password) with the caller's permissions.
  'secretsmanager:CreateSecret',
  'secretsmanager:TagResource',
];

/**
 * The IAM roles the data protection layer creates, and the managed policies AWS Backup's role carries: the layer
 * creates them, and the deploy role (delivery-permissions.ts) may manage exactly these, by name.
 */

export const BACKUP_SERVICE_POLICIES = [
  'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup',
  'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores',
];

/**
 * The role AWS Backup assumes to back up, copy and restore the instance. Named after the environment, like the
 * vaults: a restore to a new database identifier keeps it (and the deploy role's permission for it).
 */
export const backupRoleName = (environment: string): string => `${environment}-database-backup`;

/** The primary vault of the environment's database; the DR region's vault adds `-dr`. */
export const backupVaultName = (environment: string): string => `${environment}-database-backups`;

/** The media copy job's IRSA role. */
export const mediaCopyRoleName = (environment: string): string => `${environment}-media-copy`;

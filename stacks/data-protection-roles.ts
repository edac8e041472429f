/**
 * The IAM roles the data protection layer creates, and the managed policies AWS Backup's role carries: the layer
 * creates them, and the deploy role (delivery-permissions.ts) may manage exactly these, by name.
 */

export const BACKUP_SERVICE_POLICIES = [
  'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup',
  'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores',
];

/** The role AWS Backup assumes to back up, copy and restore the instance. */
export const backupRoleName = (databaseIdentifier: string): string => `${databaseIdentifier}-backup`;

/** The media copy job's IRSA role. */
export const mediaCopyRoleName = (environment: string): string => `${environment}-media-copy`;

/**
 * What no role may do in an account holding production data, whatever its own policy says: destroy the recovery
 * points or the keys that read them (or change a key policy: administrators only), destroy the media copy's
 * history, let a copy of the data leave the account (a shared snapshot, a backup copied into another account's
 * vault), or delete a role (a role the deploy role manages, deleted, could be recreated trusting another account:
 * administrators replace them). Both boundaries carry these denials: the delivery roles', and the workload roles'
 * (a role the deploy role rewrites with any policy stays inside them).
 */
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DESTROYS_HISTORY } from '../constructs/private-copy-bucket';

/**
 * Destroying recovery points and the keys that read them; changing key policies and vault locks (administrators
 * only: during a lock's grace period a re-put lock would never become immutable).
 */
const DESTROY_BACKUPS_AND_KEYS = [
  'backup:DeleteBackupVault',
  'backup:DeleteBackupVaultAccessPolicy',
  'backup:DeleteBackupVaultLockConfiguration',
  'backup:DeleteRecoveryPoint',
  'backup:PutBackupVaultAccessPolicy',
  'backup:PutBackupVaultLockConfiguration',
  'backup:UpdateRecoveryPointLifecycle',
  'kms:DeleteImportedKeyMaterial',
  'kms:DisableKey',
  'kms:PutKeyPolicy',
  'kms:ScheduleKeyDeletion',
];

/** Making a manual snapshot restorable by another account (or public): the data leaves with it. */
const SHARE_SNAPSHOTS = ['rds:ModifyDBClusterSnapshotAttribute', 'rds:ModifyDBSnapshotAttribute'];

export interface ProductionDataProps {
  readonly accountId: string;
  /** The media copy buckets of the account (their history survives). */
  readonly copyBucketArns: readonly string[];
}

export function productionDataStatements(props: ProductionDataProps): DataAwsIamPolicyDocumentStatement[] {
  const { accountId, copyBucketArns } = props;
  return [
    { sid: 'BackupsAndKeysSurvive', effect: 'Deny', actions: DESTROY_BACKUPS_AND_KEYS, resources: ['*'] },
    { sid: 'RolesStay', effect: 'Deny', actions: ['iam:DeleteRole'], resources: ['*'] },
    { sid: 'SnapshotsStayPrivate', effect: 'Deny', actions: SHARE_SNAPSHOTS, resources: ['*'] },
    {
      // A copy job (or a plan's copy action) is authorized as CopyFromBackupVault on the recovery point, with the
      // destination vault in backup:CopyTargets (Service Authorization Reference, "Actions, resources, and condition
      // keys for AWS Backup"): any vault outside this account is refused.
      sid: 'BackupCopiesStayInTheAccount',
      effect: 'Deny',
      actions: ['backup:CopyFromBackupVault'],
      resources: ['*'],
      condition: [
        {
          test: 'ForAnyValue:ArnNotLike',
          variable: 'backup:CopyTargets',
          values: [`arn:aws:backup:*:${accountId}:backup-vault:*`],
        },
      ],
    },
    ...(copyBucketArns.length > 0
      ? [
          {
            sid: 'CopyHistorySurvives',
            effect: 'Deny',
            actions: DESTROYS_HISTORY,
            resources: copyBucketArns.flatMap((b) => [b, `${b}/*`]),
          },
        ]
      : []),
  ];
}

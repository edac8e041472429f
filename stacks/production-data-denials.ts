/**
 * What no role may do in an account holding production data, whatever its own policy says: destroy the recovery
 * points or the keys that read them (or change a key policy: administrators only), destroy the media copy's
 * history, or delete a role (a role the deploy role manages, deleted, could be recreated trusting another account:
 * administrators replace them). Both boundaries carry these denials: the delivery roles', and the workload roles' (a role the deploy role
 * recreates with any policy stays inside them).
 */
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DESTROYS_HISTORY } from '../constructs/private-copy-bucket';

/** Destroying recovery points and the keys that read them; changing key policies (administrators only). */
const DESTROY_BACKUPS_AND_KEYS = [
  'backup:DeleteBackupVault',
  'backup:DeleteBackupVaultAccessPolicy',
  'backup:DeleteBackupVaultLockConfiguration',
  'backup:DeleteRecoveryPoint',
  'backup:PutBackupVaultAccessPolicy',
  'backup:UpdateRecoveryPointLifecycle',
  'kms:DeleteImportedKeyMaterial',
  'kms:DisableKey',
  'kms:PutKeyPolicy',
  'kms:ScheduleKeyDeletion',
];

export function productionDataStatements(
  copyBucketArns: readonly string[],
): DataAwsIamPolicyDocumentStatement[] {
  return [
    { sid: 'BackupsAndKeysSurvive', effect: 'Deny', actions: DESTROY_BACKUPS_AND_KEYS, resources: ['*'] },
    { sid: 'RolesStay', effect: 'Deny', actions: ['iam:DeleteRole'], resources: ['*'] },
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

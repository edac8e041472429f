/**
 * An AWS Backup vault on a customer-managed key, optionally locked. The lock's retention bounds are the shortest and
 * longest retention of the rules that store into the vault, so a rule can never be refused by its own vault.
 */
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { BackupVaultLockConfiguration } from '@cdktf/provider-aws/lib/backup-vault-lock-configuration';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

export type VaultLock =
  | { readonly mode: 'none' }
  | { readonly mode: 'governance' }
  | { readonly mode: 'compliance'; readonly changeableForDays: number };

export interface LockedBackupVaultProps {
  readonly name: string;
  /** ARN of the customer-managed key of the vault's region. */
  readonly kmsKeyArn: string;
  readonly lock: VaultLock;
  /** Retention in days of every rule storing recovery points here. */
  readonly retentionDays: readonly number[];
  /** Refuse any plan that destroys the vault. @default false */
  readonly preventDestroy?: boolean;
  /** The AWS provider of the vault's region. @default - the stack's default AWS provider */
  readonly provider?: TerraformProvider;
}

export class LockedBackupVault extends Construct {
  readonly vault: BackupVault;
  readonly lock?: BackupVaultLockConfiguration;

  constructor(scope: Construct, id: string, props: LockedBackupVaultProps) {
    super(scope, id);
    const provider = props.provider ? { provider: props.provider } : {};
    this.vault = new BackupVault(this, 'vault', {
      ...provider,
      name: props.name,
      kmsKeyArn: props.kmsKeyArn,
      forceDestroy: false,
      ...(props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
    });
    const { lock } = props;
    if (lock.mode === 'none') return;
    // Without changeable_for_days the lock is in governance mode; with it, compliance mode after that many days.
    this.lock = new BackupVaultLockConfiguration(this, 'lock', {
      ...provider,
      backupVaultName: this.vault.name,
      minRetentionDays: Math.min(...props.retentionDays),
      maxRetentionDays: Math.max(...props.retentionDays),
      ...(lock.mode === 'compliance' ? { changeableForDays: lock.changeableForDays } : {}),
    });
  }
}

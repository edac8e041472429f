/**
 * LW-BAK-004: Production backup vaults are locked in compliance mode.
 */
import { referencing } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-BAK-004', () => ({
  title: 'Production backup vaults are locked in compliance mode',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    "Without a vault lock, anyone with backup permissions (or stolen credentials) can delete recovery points or shorten their retention; a governance lock (no changeable_for_days) yields to anyone allowed backup:DeleteBackupVaultLockConfiguration, the deploy role included. A compliance lock binds everyone once its grace days pass. No scanner equivalent: Checkov, Trivy and cdk-nag do not read vault locks; Security Hub's RDS.26 can require a locked vault (backupVaultLockCheck), but judges the database, not the vault.",
  types: ['aws_backup_vault'],
  tiers: ['production'],
  test: (_vault, env, address) => {
    const locks = referencing(env.stack, 'aws_backup_vault_lock_configuration', 'backup_vault_name', address);
    if (locks.length !== 1) return 'no aws_backup_vault_lock_configuration';
    // Without changeable_for_days the provider sets a governance-mode lock.
    return (
      typeof locks[0].changeable_for_days === 'number' ||
      'governance lock: deletable by whoever may delete it'
    );
  },
}));

/**
 * LW-BAK-004: Production backup vaults are locked.
 */
import { referencing } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-BAK-004', () => ({
  title: 'Production backup vaults are locked',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    "Without a vault lock, anyone with backup permissions (or stolen credentials) can delete recovery points or shorten their retention. No scanner equivalent: Checkov, Trivy and cdk-nag do not read vault locks; Security Hub's RDS.26 can require a locked vault (backupVaultLockCheck), but judges the database, not the vault.",
  types: ['aws_backup_vault'],
  tiers: ['production'],
  test: (_vault, env, address) =>
    referencing(env.stack, 'aws_backup_vault_lock_configuration', 'backup_vault_name', address).length ===
      1 || 'no aws_backup_vault_lock_configuration',
}));

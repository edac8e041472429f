/**
 * LW-BAK-003: Backup vaults are encrypted with a customer-managed key.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-BAK-003', () => ({
  title: 'Backup vaults are encrypted with a customer-managed key',
  severity: 'medium',
  mirrors: ['CKV_AWS_166'],
  relation:
    'stricter: kms_key_arn must reference a KMS key managed in this stack; the check accepts any value, an AWS-managed key ARN included',
  rationale:
    'The AWS-managed aws/backup key cannot be audited or shared, and a copy into another region needs a key there.',
  types: ['aws_backup_vault'],
  test: (vault) =>
    /^\$\{aws_kms_key\.[\w-]+\.arn\}$/.test(String(vault.kms_key_arn ?? '')) || 'no customer-managed key',
}));

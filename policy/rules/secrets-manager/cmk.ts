/**
 * LW-SM-001: Secrets are encrypted with a customer-managed key.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-SM-001', () => ({
  title: 'Secrets are encrypted with a customer-managed key',
  severity: 'medium',
  mirrors: ['CKV_AWS_149', 'AVD-AWS-0098', 'HIPAA.Security-SecretsManagerUsingKMSKey'],
  relation: 'stricter: also judges the key of the RDS-managed master secret (master_user_secret_kms_key_id)',
  rationale:
    'The master secret gets the database key, not aws/secretsmanager, so access to it follows the key policy.',
  types: ['aws_db_instance', 'aws_secretsmanager_secret'],
  test: (block, _env, address) => {
    const key = String(
      (address.startsWith('aws_db_instance') ? block.master_user_secret_kms_key_id : block.kms_key_id) ?? '',
    );
    if (address.startsWith('aws_db_instance') && block.manage_master_user_password !== true) return null;
    return (key !== '' && !key.includes('aws/')) || 'no customer-managed key';
  },
}));

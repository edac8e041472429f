/**
 * LW-RDS-021: RDS manages the master password in Secrets Manager.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-021', () => ({
  title: 'RDS manages the master password in Secrets Manager',
  severity: 'high',
  mirrors: ['SecretsManager.1', 'CKV2_AWS_57'],
  rationale:
    'RDS generates and rotates the master password; no password ever appears in code, config or state.',
  types: ['aws_db_instance'],
  test: (db) => db.manage_master_user_password === true && db.password === undefined,
}));

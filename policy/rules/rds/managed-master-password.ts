/**
 * LW-RDS-021: RDS manages the master password in Secrets Manager.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-021', () => ({
  title: 'RDS manages the master password in Secrets Manager',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'RDS generates and rotates the master password; no password ever appears in code, config or state. No scanner equivalent (SecretsManager.1 and CKV2_AWS_57 judge the rotation of secrets, not how the master password is set).',
  types: ['aws_db_instance'],
  test: (db) => db.manage_master_user_password === true && db.password === undefined,
}));

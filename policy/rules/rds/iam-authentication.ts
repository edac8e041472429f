/**
 * LW-RDS-010: RDS accepts IAM database authentication.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-010', () => ({
  title: 'RDS accepts IAM database authentication',
  severity: 'medium',
  mirrors: ['CKV_AWS_161', 'AVD-AWS-0176', 'RDS.10'],
  relation: 'same',
  rationale: 'Short-lived IAM tokens let operators connect without long-lived passwords.',
  types: ['aws_db_instance'],
  test: (db) => db.iam_database_authentication_enabled === true,
}));

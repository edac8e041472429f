/**
 * LW-RDS-004: Production RDS has deletion protection.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-004', () => ({
  title: 'Production RDS has deletion protection',
  severity: 'high',
  mirrors: ['CKV_AWS_293', 'AVD-AWS-0177', 'AwsSolutions-RDS10', 'RDS.8'],
  relation: 'narrower: production only; dev instances stay deletable, and these checks fail them',
  rationale: 'RDS refuses to delete a protected instance, whatever a plan or a console click asks.',
  types: ['aws_db_instance'],
  tiers: ['production'],
  test: (db) => db.deletion_protection === true,
}));

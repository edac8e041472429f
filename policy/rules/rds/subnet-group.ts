/**
 * LW-RDS-017: RDS sits in a DB subnet group.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-017', () => ({
  title: 'RDS sits in a DB subnet group',
  severity: 'high',
  mirrors: ['RDS.18', 'RDS.46'],
  rationale: 'A subnet group of private subnets keeps the instance inside the VPC.',
  types: ['aws_db_instance'],
  test: (db) => /aws_db_subnet_group/.test(String(db.db_subnet_group_name ?? '')),
}));

/**
 * LW-RDS-008: RDS has Performance Insights on.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-008', () => ({
  title: 'RDS has Performance Insights on',
  severity: 'low',
  mirrors: ['CKV_AWS_353', 'AVD-AWS-0133'],
  relation: 'same',
  rationale: 'Query-level load shows which statements use the instance; the 7-day retention is free.',
  types: ['aws_db_instance'],
  test: (db) => db.performance_insights_enabled === true,
}));

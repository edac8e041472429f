/**
 * LW-RDS-009: Performance Insights data is encrypted with a customer-managed key.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-009', () => ({
  title: 'Performance Insights data is encrypted with a customer-managed key',
  severity: 'medium',
  mirrors: ['CKV_AWS_354', 'AVD-AWS-0078'],
  relation: 'stricter: the key must be a KMS key of this stack; the checks accept any non-empty key id',
  rationale:
    'Performance Insights stores query text, which can contain data; it gets the same key as the database.',
  types: ['aws_db_instance'],
  test: (db) =>
    db.performance_insights_enabled === true
      ? /aws_kms_key/.test(String(db.performance_insights_kms_key_id ?? ''))
      : null,
}));

/**
 * LW-RDS-002: RDS storage is encrypted with a customer-managed KMS key.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-002', () => ({
  title: 'RDS storage is encrypted with a customer-managed KMS key',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    "A customer-managed key can be rotated, audited and its use revoked; the AWS-managed aws/rds key cannot be shared or controlled. No scanner equivalent for DB instances (Checkov's customer-managed-key check covers clusters only; encryption itself is LW-RDS-001).",
  types: ['aws_db_instance'],
  test: (db) => /^\$\{aws_kms_key\.[\w-]+\.arn\}$/.test(String(db.kms_key_id ?? '')),
}));

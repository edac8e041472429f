/**
 * LW-RDS-001: RDS storage is encrypted at rest.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-001', () => ({
  title: 'RDS storage is encrypted at rest',
  severity: 'high',
  mirrors: ['CKV_AWS_16', 'AVD-AWS-0080', 'AwsSolutions-RDS2', 'RDS.3'],
  relation: 'same',
  rationale:
    'Snapshots, backups and replicas of an unencrypted instance are unencrypted too; encryption cannot be turned on later without a restore.',
  types: ['aws_db_instance'],
  test: (db) => db.storage_encrypted === true,
}));

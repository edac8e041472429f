/**
 * LW-RDS-003: RDS is not publicly accessible, written explicitly.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-003', () => ({
  title: 'RDS is not publicly accessible, written explicitly',
  severity: 'critical',
  mirrors: ['CKV_AWS_17', 'AVD-AWS-0180', 'HIPAA.Security-RDSInstancePublicAccess', 'RDS.2'],
  relation: {
    CKV_AWS_17: 'stricter: publicly_accessible = false must be written out; the check passes it absent',
    'AVD-AWS-0180': 'stricter: publicly_accessible = false must be written out; the check passes it absent',
    'HIPAA.Security-RDSInstancePublicAccess': 'same',
    'RDS.2': 'same',
  },
  rationale:
    'A public endpoint exposes the database to the internet; cdk-nag accepts only an explicit false, so the default is not relied on.',
  types: ['aws_db_instance'],
  test: (db) => db.publicly_accessible === false,
}));

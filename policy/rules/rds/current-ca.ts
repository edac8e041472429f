/**
 * LW-RDS-014: RDS uses a current certificate authority.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-014', () => ({
  title: 'RDS uses a current certificate authority',
  severity: 'medium',
  mirrors: ['CKV_AWS_211'],
  relation: 'stricter: ca_cert_identifier must be written out; the check passes it absent',
  rationale: 'rds-ca-2019 expired in 2024; clients verifying the server need a current CA.',
  types: ['aws_db_instance'],
  test: (db) =>
    ['rds-ca-rsa2048-g1', 'rds-ca-rsa4096-g1', 'rds-ca-ecc384-g1'].includes(String(db.ca_cert_identifier)),
}));

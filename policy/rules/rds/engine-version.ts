/**
 * LW-RDS-015: RDS runs PostgreSQL 15.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-015', () => ({
  title: 'RDS runs PostgreSQL 15',
  severity: 'medium',
  mirrors: ['CKV_AWS_250'],
  relation:
    'stricter: pins major version 15; the check passes any version outside the log_fdw advisory (every 14 and later)',
  rationale: 'The platform is built and tested on PostgreSQL 15; a major upgrade is a planned migration.',
  types: ['aws_db_instance'],
  test: (db) => db.engine === 'postgres' && /^15(\.\d+)?$/.test(String(db.engine_version)),
}));

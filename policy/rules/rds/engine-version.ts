/**
 * LW-RDS-015: RDS runs PostgreSQL 15.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-015', () => ({
  title: 'RDS runs PostgreSQL 15',
  severity: 'medium',
  mirrors: ['CKV_AWS_250'],
  rationale:
    'The platform is built and tested on PostgreSQL 15 (CKV_AWS_250 flags majors before 14 for the log_fdw CVE).',
  types: ['aws_db_instance'],
  test: (db) => db.engine === 'postgres' && /^15(\.\d+)?$/.test(String(db.engine_version)),
}));

/**
 * LW-RDS-011: RDS exports the postgresql and upgrade logs.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-011', () => ({
  title: 'RDS exports the postgresql and upgrade logs',
  severity: 'medium',
  mirrors: ['CKV_AWS_129', 'RDS.9', 'RDS.36', 'HIPAA.Security-RDSLoggingEnabled'],
  relation: {
    CKV_AWS_129: 'stricter: requires both postgresql and upgrade; the check accepts any non-empty list',
    'RDS.9': 'same',
    'RDS.36': 'stricter: also requires upgrade; the control asks for postgresql only',
    'HIPAA.Security-RDSLoggingEnabled': 'same',
  },
  rationale:
    'Logs outside the instance survive it and feed alerting; both log types are what the scanners ask for PostgreSQL.',
  types: ['aws_db_instance'],
  test: (db) => {
    const logs = (db.enabled_cloudwatch_logs_exports as string[] | undefined) ?? [];
    return logs.includes('postgresql') && logs.includes('upgrade');
  },
}));

/**
 * LW-RDS-005: RDS keeps automated backups for at least 7 days.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-005', () => ({
  title: 'RDS keeps automated backups for at least 7 days',
  severity: 'high',
  mirrors: ['CKV_AWS_133', 'AVD-AWS-0077', 'AwsSolutions-RDS13', 'RDS.11'],
  relation: {
    CKV_AWS_133:
      'stricter: at least 7 days, written out; the check accepts 1 to 35 days and passes an absent value',
    'AVD-AWS-0077': 'stricter: at least 7 days; the check accepts 2',
    'AwsSolutions-RDS13': 'stricter: at least 7 days; the rule accepts any value above 0, or none',
    'RDS.11': 'same',
  },
  rationale:
    'Point-in-time recovery only reaches as far back as the retention; Security Hub asks for 7 days or more.',
  types: ['aws_db_instance'],
  test: (db) => {
    const days = Number(db.backup_retention_period ?? 0);
    return days >= 7 && days <= 35 ? true : `backup_retention_period = ${days}`;
  },
}));

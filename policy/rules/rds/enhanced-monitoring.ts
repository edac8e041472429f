/**
 * LW-RDS-007: RDS has enhanced monitoring with a role.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-007', () => ({
  title: 'RDS has enhanced monitoring with a role',
  severity: 'low',
  mirrors: ['CKV_AWS_118', 'RDS.6'],
  relation: {
    CKV_AWS_118: 'stricter: also requires monitoring_role_arn; the check reads monitoring_interval only',
    'RDS.6': 'same',
  },
  rationale:
    'OS-level metrics (memory, swap, processes) explain slowdowns that CloudWatch instance metrics hide.',
  types: ['aws_db_instance'],
  test: (db) =>
    [1, 5, 10, 15, 30, 60].includes(Number(db.monitoring_interval)) &&
    typeof db.monitoring_role_arn === 'string',
}));

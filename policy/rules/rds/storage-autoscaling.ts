/**
 * LW-RDS-023: RDS storage autoscales.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-023', () => ({
  title: 'RDS storage autoscales',
  severity: 'low',
  mirrors: [],
  relation: {},
  rationale:
    'A full disk stops the database; autoscaling grows it before that happens. No scanner equivalent (terraform-aws-rds: max_allocated_storage).',
  types: ['aws_db_instance'],
  test: (db) => Number(db.max_allocated_storage ?? 0) > Number(db.allocated_storage ?? 0),
}));

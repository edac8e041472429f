/**
 * LW-RDS-019: RDS takes a final snapshot when deleted.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-019', () => ({
  title: 'RDS takes a final snapshot when deleted',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'The last snapshot is the only copy of the data once an instance is gone. No scanner equivalent (terraform-aws-rds: skip_final_snapshot).',
  types: ['aws_db_instance'],
  test: (db) => db.skip_final_snapshot === false && typeof db.final_snapshot_identifier === 'string',
}));

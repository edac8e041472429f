/**
 * LW-RDS-026: RDS uses gp3 storage.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-026', () => ({
  title: 'RDS uses gp3 storage',
  severity: 'low',
  mirrors: [],
  relation: {},
  rationale:
    'gp3 gives 3000 IOPS at any size and costs less than gp2. No scanner equivalent (AWS RDS storage guide).',
  types: ['aws_db_instance'],
  test: (db) => db.storage_type === 'gp3',
}));

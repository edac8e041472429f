/**
 * LW-RDS-026: RDS uses gp3 storage.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-026', () => ({
  title: 'RDS uses gp3 storage',
  severity: 'low',
  mirrors: ['AWS RDS storage guide'],
  rationale: 'gp3 gives 3000 IOPS at any size and costs less than gp2.',
  types: ['aws_db_instance'],
  test: (db) => db.storage_type === 'gp3',
}));

/**
 * LW-RDS-020: RDS keeps automated backups after deletion.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-020', () => ({
  title: 'RDS keeps automated backups after deletion',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'Retained automated backups allow a point-in-time restore even after the instance is deleted. No scanner equivalent (AWS CDK: deleteAutomatedBackups).',
  types: ['aws_db_instance'],
  test: (db) => db.delete_automated_backups === false,
}));

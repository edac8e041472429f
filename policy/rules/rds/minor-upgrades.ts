/**
 * LW-RDS-012: RDS applies minor version upgrades automatically.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-012', () => ({
  title: 'RDS applies minor version upgrades automatically',
  severity: 'medium',
  mirrors: ['CKV_AWS_226', 'RDS.13'],
  relation: 'same',
  rationale: 'Minor releases carry security fixes; RDS applies them in the maintenance window.',
  types: ['aws_db_instance'],
  test: (db) => db.auto_minor_version_upgrade === true,
}));

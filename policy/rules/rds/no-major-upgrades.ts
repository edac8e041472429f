/**
 * LW-RDS-022: RDS does not allow major version upgrades by accident.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-022', () => ({
  title: 'RDS does not allow major version upgrades by accident',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'A major upgrade is a planned migration, not a side effect of a version string changing. No scanner equivalent (terraform-aws-rds: allow_major_version_upgrade).',
  types: ['aws_db_instance'],
  test: (db) => db.allow_major_version_upgrade === false,
}));

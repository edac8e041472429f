/**
 * LW-RDS-027: RDS opts out of paid extended support.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-027', () => ({
  title: 'RDS opts out of paid extended support',
  severity: 'low',
  mirrors: [],
  relation: {},
  rationale:
    'Extended support is billed per vCPU-hour once a major version leaves standard support; the team upgrades instead. No scanner equivalent (terraform-aws-rds: engine_lifecycle_support).',
  types: ['aws_db_instance'],
  test: (db) => db.engine_lifecycle_support === 'open-source-rds-extended-support-disabled',
}));

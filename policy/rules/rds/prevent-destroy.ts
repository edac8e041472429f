/**
 * LW-RDS-024: Production RDS cannot be destroyed by a plan.
 */
import { preventsDestroy } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-024', () => ({
  title: 'Production RDS cannot be destroyed by a plan',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    'prevent_destroy makes Terraform refuse any plan that would destroy the production database. No scanner equivalent (a platform data-protection rule).',
  types: ['aws_db_instance'],
  tiers: ['production'],
  test: (db) => preventsDestroy(db),
}));

/**
 * LW-BAK-005: Production backup vaults cannot be destroyed by a plan.
 */
import { preventsDestroy } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule({
  id: 'LW-BAK-005',
  title: 'Production backup vaults cannot be destroyed by a plan',
  severity: 'critical',
  mirrors: ['lightwave:data-protection'],
  rationale:
    'The vaults hold the recovery points of last resort; prevent_destroy refuses the plan. No scanner equivalent.',
  types: ['aws_backup_vault'],
  tiers: ['production'],
  test: (vault) => preventsDestroy(vault),
});

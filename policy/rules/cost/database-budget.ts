/**
 * LW-COST-001: The database's estimated monthly cost is within its approved budget.
 */
import { estimateCost } from '../../../review/cost';
import { stackRule } from '../../rule';
import { blocksOf } from '../../../synth/synthesized-environment';

export default stackRule('LW-COST-001', () => ({
  title: "The database's estimated monthly cost is within its approved budget",
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'The instance size and the budget were approved together; a change that outgrows the budget needs a decision. No scanner equivalent (Phase 0 plan: dev $15/month, prod $72.50/month).',
  when: ['aws_db_instance'],
  test: (env) => {
    const cost = estimateCost(env);
    return {
      verdict:
        cost.withinBudget ||
        `estimated $${cost.databaseUsd.toFixed(2)}/month > budget $${cost.databaseBudgetUsd.toFixed(2)}`,
      address: blocksOf(env.stack, ['aws_db_instance'])[0]?.[0],
    };
  },
}));

/**
 * LW-PGB-013: A PodDisruptionBudget keeps pods up and still lets nodes drain.
 */
import { isPooler, namespaceOf } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { blocksOf, get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-PGB-013', () => ({
  title: 'A PodDisruptionBudget keeps pods up and still lets nodes drain',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'minAvailable below replicas keeps the pooler up during node drains without blocking them (single-replica helpers such as exporters are not judged). No scanner equivalent (Kubernetes PDB guide).',
  types: ['kubernetes_deployment_v1'],
  test: (d, env) => {
    if (!isPooler(d)) return null;
    const ns = namespaceOf(env.stack, d);
    const replicas = Number(get(d, 'spec', 'replicas') ?? 1);
    const budgets = blocksOf(env.stack, ['kubernetes_pod_disruption_budget_v1']).filter(
      ([, p]) => namespaceOf(env.stack, p) === ns,
    );
    return (
      budgets.some(([, p]) => {
        const min = Number(get(p, 'spec', 'min_available'));
        return min >= 1 && min < replicas;
      }) || `no budget with 1 ≤ minAvailable < ${replicas}`
    );
  },
}));

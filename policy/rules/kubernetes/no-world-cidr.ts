/**
 * LW-K8S-006: Network policies never open 0.0.0.0/0.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-K8S-006', () => ({
  title: 'Network policies never open 0.0.0.0/0',
  severity: 'high',
  mirrors: ['AVD-KUBE-0001', 'AVD-KUBE-0002'],
  rationale: 'An ipBlock of the whole internet undoes the default deny.',
  types: ['kubernetes_network_policy_v1'],
  test: (policy) =>
    !JSON.stringify(policy).includes('"0.0.0.0/0"') && !JSON.stringify(policy).includes('"::/0"'),
}));

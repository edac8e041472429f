/**
 * LW-K8S-006: Network policies never open an ip_block of every address.
 */
import { coversEveryAddress } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-K8S-006', () => ({
  title: 'Network policies never open an ip_block of every address',
  severity: 'high',
  mirrors: ['AVD-KUBE-0001', 'AVD-KUBE-0002'],
  relation: 'same',
  rationale: 'An ipBlock of the whole internet undoes the default deny.',
  types: ['kubernetes_network_policy_v1'],
  test: (policy) => {
    const cidrs = [...JSON.stringify(policy).matchAll(/"cidr":"([^"]*)"/g)].map((m) => m[1]);
    const open = cidrs.filter(coversEveryAddress);
    return open.length === 0 || `ip_block of every address: ${open.join(', ')}`;
  },
}));

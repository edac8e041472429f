/**
 * LW-K8S-007: Network policies declare their pod selector and policy types.
 */
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-K8S-007', () => ({
  title: 'Network policies declare their pod selector and policy types',
  severity: 'low',
  mirrors: ['KSV-0038'],
  relation:
    'manifest only, stricter: requires a pod selector and policy types; the check accepts a namespace selector alone',
  rationale: 'A policy without a selector or types is easy to misread.',
  types: ['kubernetes_network_policy_v1'],
  test: (policy) =>
    get(policy, 'spec', 'pod_selector') !== undefined &&
    ((get(policy, 'spec', 'policy_types') as string[] | undefined) ?? []).length > 0,
}));

/**
 * LW-K8S-005: Namespaces deny all ingress and egress by default.
 */
import { objectsIn } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-K8S-005', () => ({
  title: 'Namespaces deny all ingress and egress by default',
  severity: 'high',
  mirrors: ['CKV2_K8S_6'],
  relation:
    'manifest only, stricter: every namespace needs a deny-all policy selecting all its pods; the check accepts any NetworkPolicy that selects the pod',
  rationale:
    'Traffic not explicitly allowed is dropped, so a compromised pod cannot reach what it was never meant to.',
  types: ['kubernetes_namespace_v1'],
  test: (ns, env) =>
    objectsIn(env.stack, 'kubernetes_network_policy_v1', String(get(ns, 'metadata', 'name'))).some(
      ([, p]) => {
        const spec = get(p, 'spec') as Record<string, unknown>;
        const types = (spec.policy_types as string[] | undefined) ?? [];
        return (
          Object.keys((spec.pod_selector as object | undefined) ?? { x: 1 }).length === 0 &&
          types.includes('Ingress') &&
          types.includes('Egress') &&
          (spec.ingress as unknown[] | undefined)?.length === 0 &&
          (spec.egress as unknown[] | undefined)?.length === 0
        );
      },
    ),
}));

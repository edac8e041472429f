/**
 * LW-K8S-002: Namespaces warn and audit against the restricted standard.
 */
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-K8S-002', () => ({
  title: 'Namespaces warn and audit against the restricted standard',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'Workloads learn what would break under restricted before it is enforced. No scanner equivalent: neither Checkov nor Trivy reads the Pod Security admission labels.',
  types: ['kubernetes_namespace_v1'],
  test: (ns) => {
    const labels = (get(ns, 'metadata', 'labels') as Record<string, string> | undefined) ?? {};
    return (
      labels['pod-security.kubernetes.io/warn'] === 'restricted' &&
      labels['pod-security.kubernetes.io/audit'] === 'restricted'
    );
  },
}));

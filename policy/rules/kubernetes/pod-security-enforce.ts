/**
 * LW-K8S-001: Namespaces enforce a Pod Security Standard (baseline or restricted).
 */
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-K8S-001', () => ({
  title: 'Namespaces enforce a Pod Security Standard (baseline or restricted)',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'Without an enforce label every pod spec is admitted, privileged ones included. No scanner equivalent: neither Checkov nor Trivy reads the Pod Security admission labels.',
  types: ['kubernetes_namespace_v1'],
  test: (ns) =>
    ['baseline', 'restricted'].includes(
      String(
        (get(ns, 'metadata', 'labels') as Record<string, string> | undefined)?.[
          'pod-security.kubernetes.io/enforce'
        ],
      ),
    ),
}));

/**
 * LW-K8S-001: Namespaces enforce a Pod Security Standard (baseline or restricted).
 */
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-K8S-001', () => ({
  title: 'Namespaces enforce a Pod Security Standard (baseline or restricted)',
  severity: 'high',
  mirrors: ['PSS', 'CKV_K8S pod-security'],
  rationale: 'Without an enforce label every pod spec is admitted, privileged ones included.',
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

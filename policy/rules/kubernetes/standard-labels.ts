/**
 * LW-K8S-009: Namespaces carry the platform labels (part-of, managed-by, environment).
 */
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-K8S-009', () => ({
  title: 'Namespaces carry the platform labels (part-of, managed-by, environment)',
  severity: 'low',
  mirrors: [],
  relation: {},
  rationale:
    'Labels tell who owns a namespace and which environment it belongs to. No scanner equivalent (Kubernetes recommended labels).',
  types: ['kubernetes_namespace_v1'],
  test: (ns) => {
    const labels = (get(ns, 'metadata', 'labels') as Record<string, string> | undefined) ?? {};
    return ['app.kubernetes.io/part-of', 'app.kubernetes.io/managed-by', 'lightwave.media/environment'].every(
      (k) => k in labels,
    );
  },
}));

/**
 * LW-K8S-003: Namespaces have a ResourceQuota on CPU and memory requests and limits.
 */
import { objectsIn } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-K8S-003', () => ({
  title: 'Namespaces have a ResourceQuota on CPU and memory requests and limits',
  severity: 'medium',
  mirrors: ['KSV-0040'],
  relation:
    'manifest only, stricter: every namespace must have such a quota; the check judges the ResourceQuota objects that exist',
  rationale: 'A quota caps what one namespace can take from the shared cluster.',
  types: ['kubernetes_namespace_v1'],
  test: (ns, env) =>
    objectsIn(env.stack, 'kubernetes_resource_quota_v1', String(get(ns, 'metadata', 'name'))).some(
      ([, q]) => {
        const hard = (get(q, 'spec', 'hard') as Record<string, string> | undefined) ?? {};
        return ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'].every((k) => k in hard);
      },
    ),
}));

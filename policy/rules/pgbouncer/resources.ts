/**
 * LW-PGB-007: Containers request and limit CPU and memory.
 */
import { containers } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-PGB-007', () => ({
  title: 'Containers request and limit CPU and memory',
  severity: 'medium',
  mirrors: ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13'],
  relation: 'same',
  rationale: 'Requests place the pods; limits keep one noisy pod from starving the node.',
  types: ['kubernetes_deployment_v1'],
  test: (d) =>
    containers(d).every((c) =>
      ['requests', 'limits'].every((k) => {
        const r = get(c, 'resources', k) as Record<string, string> | undefined;
        return Boolean(r?.cpu && r?.memory);
      }),
    ),
}));

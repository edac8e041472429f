/**
 * LW-PGB-004: Pods and their containers run as a non-root UID of 10000 or more.
 */
import { containers, podSpec } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

const MIN_UID = 10000;

export default resourceRule('LW-PGB-004', () => ({
  title: 'Pods and their containers run as a non-root UID of 10000 or more',
  severity: 'high',
  mirrors: ['CKV_K8S_23', 'CKV_K8S_40'],
  relation: {
    CKV_K8S_23:
      'manifest only, stricter: requires runAsNonRoot and UIDs of 10000 or more; the check accepts runAsNonRoot or any UID above 0',
    CKV_K8S_40:
      'manifest only, stricter: also requires the pod-level runAsNonRoot and runAsUser; the check accepts UIDs set per container only',
  },
  rationale:
    'A high UID shares nothing with the host users; a container-level UID overrides the pod one, so both are read.',
  types: ['kubernetes_deployment_v1'],
  test: (d) => {
    const pod = get(podSpec(d), 'security_context') as Record<string, unknown> | undefined;
    if (pod?.run_as_non_root !== true || !(Number(pod?.run_as_user) >= MIN_UID))
      return 'pod not non-root UID ≥ 10000';
    const low = containers(d).filter((c) => {
      const uid = get(c, 'security_context', 'run_as_user');
      return (
        get(c, 'security_context', 'run_as_non_root') === false ||
        (uid !== undefined && !(Number(uid) >= MIN_UID))
      );
    });
    return low.length === 0 || `container UID below ${MIN_UID}: ${low.map((c) => String(c.name)).join(', ')}`;
  },
}));

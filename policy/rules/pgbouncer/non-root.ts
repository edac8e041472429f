/**
 * LW-PGB-004: Pods run as a non-root UID of 10000 or more.
 */
import { containers, podSpec } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-PGB-004', () => ({
  title: 'Pods run as a non-root UID of 10000 or more',
  severity: 'high',
  mirrors: ['CKV_K8S_23', 'CKV_K8S_40', 'PSS restricted'],
  rationale: 'A high UID shares nothing with the host users.',
  types: ['kubernetes_deployment_v1'],
  test: (d) => {
    const pod = get(podSpec(d), 'security_context') as Record<string, unknown> | undefined;
    return (
      pod?.run_as_non_root === true &&
      Number(pod?.run_as_user) >= 10000 &&
      containers(d).every((c) => get(c, 'security_context', 'run_as_non_root') !== false)
    );
  },
}));

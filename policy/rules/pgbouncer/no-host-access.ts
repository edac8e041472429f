/**
 * LW-PGB-006: Pods are not privileged and share no host namespace.
 */
import { containers, podSpec } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-PGB-006', () => ({
  title: 'Pods are not privileged and share no host namespace',
  severity: 'critical',
  mirrors: ['CKV_K8S_16', 'CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19', 'CKV_K8S_26'],
  relation: 'same',
  rationale: 'Host namespaces and privileged containers break the isolation between pod and node.',
  types: ['kubernetes_deployment_v1'],
  test: (d) => {
    const pod = podSpec(d);
    return (
      pod.host_network !== true &&
      pod.host_pid !== true &&
      pod.host_ipc !== true &&
      containers(d).every(
        (c) =>
          get(c, 'security_context', 'privileged') !== true &&
          !JSON.stringify(c.port ?? []).includes('host_port'),
      )
    );
  },
}));

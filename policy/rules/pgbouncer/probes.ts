/**
 * LW-PGB-008: Containers have liveness and readiness probes.
 */
import { containers } from '../../kubernetes';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGB-008', () => ({
  title: 'Containers have liveness and readiness probes',
  severity: 'medium',
  mirrors: ['CKV_K8S_8', 'CKV_K8S_9'],
  relation: 'same',
  rationale: 'A pod that stops accepting connections is taken out of the Service and restarted.',
  types: ['kubernetes_deployment_v1'],
  test: (d) => containers(d).every((c) => c.liveness_probe !== undefined && c.readiness_probe !== undefined),
}));

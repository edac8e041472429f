/**
 * LW-PGB-001: Containers set allow_privilege_escalation = false explicitly.
 */
import { containers } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-PGB-001', () => ({
  title: 'Containers set allow_privilege_escalation = false explicitly',
  severity: 'high',
  mirrors: ['CKV_K8S_20'],
  relation:
    'stricter: allow_privilege_escalation = false must be written out (the provider defaults it to true); the check fails only an explicit true',
  rationale:
    'The kubernetes provider defaults it to true inside a security_context block; restricted admission then rejects the pod.',
  types: ['kubernetes_deployment_v1'],
  test: (d) => containers(d).every((c) => get(c, 'security_context', 'allow_privilege_escalation') === false),
}));

/**
 * LW-PGB-002: Containers run with a read-only root filesystem.
 */
import { containers } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-PGB-002', () => ({
  title: 'Containers run with a read-only root filesystem',
  severity: 'medium',
  mirrors: ['CKV_K8S_22'],
  relation: 'stricter: a container without a security context fails; the check passes it',
  rationale: 'Nothing an attacker drops into the image filesystem survives or runs.',
  types: ['kubernetes_deployment_v1'],
  test: (d) => containers(d).every((c) => get(c, 'security_context', 'read_only_root_filesystem') === true),
}));

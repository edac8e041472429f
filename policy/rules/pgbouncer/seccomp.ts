/**
 * LW-PGB-005: Pods use the RuntimeDefault seccomp profile.
 */
import { podSpec } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-PGB-005', () => ({
  title: 'Pods use the RuntimeDefault seccomp profile',
  severity: 'medium',
  mirrors: ['CKV_K8S_31'],
  relation:
    'manifest only, stricter: requires the pod-level RuntimeDefault profile; the check also accepts it per container or through the legacy annotation',
  rationale: 'The runtime profile blocks syscalls PgBouncer never makes.',
  types: ['kubernetes_deployment_v1'],
  test: (d) => get(podSpec(d), 'security_context', 'seccomp_profile', 'type') === 'RuntimeDefault',
}));

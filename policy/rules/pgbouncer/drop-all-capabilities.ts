/**
 * LW-PGB-003: Containers drop all Linux capabilities.
 */
import { containers } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-PGB-003', () => ({
  title: 'Containers drop all Linux capabilities',
  severity: 'high',
  mirrors: ['CKV_K8S_28', 'CKV_K8S_37'],
  relation: {
    CKV_K8S_28:
      'stricter: requires drop ALL and no added capability; the check accepts dropping NET_RAW alone',
    CKV_K8S_37:
      'stricter: also requires no added capability, and fails a container without a security context, which the check passes',
  },
  rationale: 'PgBouncer needs no capability; NET_RAW and friends only help an attacker.',
  types: ['kubernetes_deployment_v1'],
  test: (d) =>
    containers(d).every(
      (c) =>
        ((get(c, 'security_context', 'capabilities', 'drop') as string[] | undefined) ?? []).includes(
          'ALL',
        ) && ((get(c, 'security_context', 'capabilities', 'add') as string[] | undefined) ?? []).length === 0,
    ),
}));

/**
 * LW-PGB-011: Pods do not mount a service-account token.
 */
import { podSpec } from '../../kubernetes';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGB-011', () => ({
  title: 'Pods do not mount a service-account token',
  severity: 'medium',
  mirrors: ['CKV_K8S_38', 'KSV-0036'],
  relation: {
    CKV_K8S_38: 'manifest only, same',
    'KSV-0036':
      'manifest only, stricter: automountServiceAccountToken = false must be written out; the check fails only true or a mounted token path',
  },
  rationale: 'PgBouncer never talks to the Kubernetes API; a mounted token is only useful to an attacker.',
  types: ['kubernetes_deployment_v1'],
  test: (d) => podSpec(d).automount_service_account_token === false,
}));

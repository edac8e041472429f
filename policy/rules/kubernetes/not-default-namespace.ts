/**
 * LW-K8S-008: Objects live in a named namespace, never default.
 */
import { namespaceOf } from '../../kubernetes';
import { resourceRule } from '../../rule';

export default resourceRule('LW-K8S-008', () => ({
  title: 'Objects live in a named namespace, never default',
  severity: 'medium',
  mirrors: ['CKV_K8S_21'],
  rationale:
    'The default namespace has none of the quotas, policies and Pod Security labels the platform namespaces carry.',
  types: [
    'kubernetes_deployment_v1',
    'kubernetes_service_v1',
    'kubernetes_secret_v1',
    'kubernetes_config_map_v1',
    'kubernetes_pod_disruption_budget_v1',
    'kubernetes_network_policy_v1',
    'kubernetes_resource_quota_v1',
    'kubernetes_limit_range_v1',
  ],
  test: (object, env) => {
    const ns = namespaceOf(env.stack, object);
    return (ns !== undefined && ns !== 'default') || `namespace ${ns ?? '(none)'}`;
  },
}));

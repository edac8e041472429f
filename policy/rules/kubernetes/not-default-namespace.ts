/**
 * LW-K8S-008: Objects live in a named namespace, never default.
 */
import { namespaceOf } from '../../kubernetes';
import { resourceRule } from '../../rule';

export default resourceRule('LW-K8S-008', () => {
  /** The namespaced kinds this platform creates, and every kind CKV_K8S_21 reads (with its pre-v1 spellings). */
  const NAMESPACED = [
    ...[
      'config_map',
      'cron_job',
      'daemon_set',
      'deployment',
      'ingress',
      'job',
      'limit_range',
      'network_policy',
      'pod',
      'pod_disruption_budget',
      'replication_controller',
      'resource_quota',
      'role_binding',
      'secret',
      'service',
      'service_account',
      'stateful_set',
    ].map((kind) => `kubernetes_${kind}_v1`),
    ...[
      'config_map',
      'cron_job',
      'daemonset',
      'deployment',
      'ingress',
      'job',
      'pod',
      'replication_controller',
      'role_binding',
      'secret',
      'service',
      'service_account',
      'stateful_set',
    ].map((kind) => `kubernetes_${kind}`),
  ];
  return {
    title: 'Objects live in a named namespace, never default',
    severity: 'medium',
    mirrors: ['CKV_K8S_21'],
    relation:
      'stricter: also judges network policies, quotas, limit ranges and disruption budgets; the check reads workloads, services, secrets, config maps, service accounts, role bindings and ingresses',
    rationale:
      'The default namespace has none of the quotas, policies and Pod Security labels the platform namespaces carry.',
    types: NAMESPACED,
    test: (object, env) => {
      const ns = namespaceOf(env.stack, object);
      return (ns !== undefined && ns !== 'default') || `namespace ${ns ?? '(none)'}`;
    },
  };
});

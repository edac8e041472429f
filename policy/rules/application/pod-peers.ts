/**
 * LW-APP-002: Network policies admit pods by their labels, never every pod of a namespace.
 */
import { resourceRule } from '../../rule';

interface Peer {
  readonly namespace_selector?: unknown;
  readonly pod_selector?: { readonly match_labels?: Readonly<Record<string, string>> };
}

export default resourceRule('LW-APP-002', () => ({
  title: 'Network policies admit pods by their labels, never every pod of a namespace',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'A namespace selector alone lets anything later deployed there (a debug pod, another team’s job) reach PgBouncer, Redis or an API; pod labels name the workloads the flow is for. No scanner equivalent (Kubernetes NetworkPolicy: namespaceSelector and podSelector).',
  types: ['kubernetes_network_policy_v1'],
  test: (policy) => {
    const spec = (policy.spec as Record<string, unknown> | undefined) ?? {};
    const peers = [
      ...((spec.ingress as { from?: Peer[] }[] | undefined) ?? []).flatMap((r) => r.from ?? []),
      ...((spec.egress as { to?: Peer[] }[] | undefined) ?? []).flatMap((r) => r.to ?? []),
    ];
    const open = peers.filter(
      (p) =>
        p.namespace_selector !== undefined && Object.keys(p.pod_selector?.match_labels ?? {}).length === 0,
    );
    return open.length === 0 || `${open.length} peer(s) select a whole namespace`;
  },
}));

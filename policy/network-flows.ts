/**
 * The pod-to-pod flows a stack's NetworkPolicies allow, read from synthesized JSON: each egress rule towards pods and
 * each ingress rule from pods, per port. A flow needs both ends (the sender's egress and the receiver's ingress) to
 * carry traffic under default deny; LW-APP-006 pairs them.
 */
import { get } from '../synth/synthesized-environment';
import type { Block, TerraformJson } from '../synth/terraform-json';
import { namespaceOf } from './kubernetes';

/** Pods selected by labels in one namespace. */
export interface PodGroup {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Traffic from one pod group to another on a port (`*`: a rule without ports allows every port). */
export interface PodFlow {
  readonly from: PodGroup;
  readonly to: PodGroup;
  readonly port: string;
}

interface Peer {
  readonly namespace_selector?: { readonly match_labels?: Readonly<Record<string, string>> };
  readonly pod_selector?: { readonly match_labels?: Readonly<Record<string, string>> };
  readonly ip_block?: unknown;
}

interface PolicyRule {
  readonly ports?: readonly { readonly port?: string | number }[];
  readonly to?: readonly Peer[];
  readonly from?: readonly Peer[];
}

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The pod group a peer names, or undefined for address blocks and namespaces it cannot name. */
function peerGroup(peer: Peer, ownNamespace: string): PodGroup | undefined {
  if (peer.ip_block !== undefined || peer.pod_selector === undefined) return undefined;
  const namespace =
    peer.namespace_selector === undefined
      ? ownNamespace
      : peer.namespace_selector.match_labels?.[NAMESPACE_NAME_LABEL];
  return namespace === undefined ? undefined : { namespace, labels: peer.pod_selector.match_labels ?? {} };
}

const portsOf = (rule: PolicyRule): string[] =>
  rule.ports && rule.ports.length > 0 ? rule.ports.map((p) => String(p.port ?? '*')) : ['*'];

/** The flows one NetworkPolicy allows, by direction. */
export function policyFlows(stack: TerraformJson, policy: Block): { egress: PodFlow[]; ingress: PodFlow[] } {
  const namespace = namespaceOf(stack, policy) ?? '';
  const own: PodGroup = {
    namespace,
    labels: (get(policy, 'spec', 'pod_selector', 'match_labels') as Record<string, string> | undefined) ?? {},
  };
  const rules = (direction: 'egress' | 'ingress') =>
    (get(policy, 'spec', direction) as PolicyRule[] | undefined) ?? [];
  const flows = (direction: 'egress' | 'ingress', side: 'to' | 'from') =>
    rules(direction).flatMap((rule) =>
      (rule[side] ?? []).flatMap((peer) => {
        const other = peerGroup(peer, namespace);
        if (!other) return [];
        return portsOf(rule).map((port) =>
          direction === 'egress' ? { from: own, to: other, port } : { from: other, to: own, port },
        );
      }),
    );
  return { egress: flows('egress', 'to'), ingress: flows('ingress', 'from') };
}

/** Two label selectors can select the same pod: no key with different values. */
const compatible = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  Object.entries(a).every(([key, value]) => b[key] === undefined || b[key] === value);

const sameGroup = (a: PodGroup, b: PodGroup) => a.namespace === b.namespace && compatible(a.labels, b.labels);

/** `other` carries `flow` at the other end: the same pods on both sides and a common port (`*` is every port). */
export function matches(flow: PodFlow, other: PodFlow): boolean {
  return (
    sameGroup(flow.from, other.from) &&
    sameGroup(flow.to, other.to) &&
    (other.port === flow.port || other.port === '*' || flow.port === '*')
  );
}

export const describeFlow = (f: PodFlow): string =>
  `${f.from.namespace}/${labelText(f.from.labels)} → ${f.to.namespace}/${labelText(f.to.labels)}:${f.port}`;

const labelText = (labels: Readonly<Record<string, string>>) =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}}`;

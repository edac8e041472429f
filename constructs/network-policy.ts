/**
 * NetworkPolicies written as "who may talk to whom on which port", selecting namespaces by their immutable
 * `kubernetes.io/metadata.name` label.
 */
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { Construct } from 'constructs';

/** A peer: pods (by labels) in a namespace, or an IP block. */
export type Peer =
  | { readonly namespace: string; readonly podLabels?: Readonly<Record<string, string>> }
  | { readonly cidr: string };

export interface PortRule {
  readonly peers: readonly Peer[];
  readonly ports: readonly { readonly port: number; readonly protocol?: 'TCP' | 'UDP' }[];
}

export interface NetworkPolicyProps {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Pods the policy applies to; empty selects every pod of the namespace. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** @default - no ingress rule */
  readonly ingress?: readonly PortRule[];
  /** @default - no egress rule */
  readonly egress?: readonly PortRule[];
}

/** IP-block peers, one per CIDR. */
export const cidrPeers = (cidrs: readonly string[]): Peer[] => cidrs.map((cidr) => ({ cidr }));

function peer(p: Peer) {
  if ('cidr' in p) return { ipBlock: { cidr: p.cidr } };
  return {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': p.namespace } },
    ...(p.podLabels ? { podSelector: { matchLabels: { ...p.podLabels } } } : {}),
  };
}

const ports = (rule: PortRule) =>
  rule.ports.map((p) => ({ port: String(p.port), protocol: p.protocol ?? 'TCP' }));

/** Defines one NetworkPolicy; its policy types follow from the rules given. */
export function networkPolicy(scope: Construct, id: string, props: NetworkPolicyProps): NetworkPolicyV1 {
  const policyTypes = [...(props.ingress ? ['Ingress'] : []), ...(props.egress ? ['Egress'] : [])];
  return new NetworkPolicyV1(scope, id, {
    metadata: { name: props.name, namespace: props.namespace, labels: { ...props.labels } },
    spec: {
      podSelector: Object.keys(props.podLabels).length > 0 ? { matchLabels: { ...props.podLabels } } : {},
      policyTypes,
      ...(props.ingress
        ? { ingress: props.ingress.map((r) => ({ from: r.peers.map(peer), ports: ports(r) })) }
        : {}),
      ...(props.egress
        ? { egress: props.egress.map((r) => ({ to: r.peers.map(peer), ports: ports(r) })) }
        : {}),
    },
  });
}

/**
 * LW-K8S-011: Network policies never admit an ip_block that covers the VPC.
 */
import { cidrCovers } from '../../../environments/rules/formats';
import { resourceRule } from '../../rule';

interface IpBlock {
  readonly cidr?: string;
  readonly except?: readonly string[];
}

/** Every ip_block of a NetworkPolicy's ingress and egress peers. */
function ipBlocks(policy: Record<string, unknown>): IpBlock[] {
  const spec = (policy.spec as Record<string, unknown> | undefined) ?? {};
  const peers = [
    ...((spec.ingress as { from?: { ip_block?: IpBlock }[] }[] | undefined) ?? []).flatMap(
      (r) => r.from ?? [],
    ),
    ...((spec.egress as { to?: { ip_block?: IpBlock }[] }[] | undefined) ?? []).flatMap((r) => r.to ?? []),
  ];
  return peers.flatMap((p) => (p.ip_block ? [p.ip_block] : []));
}

export default resourceRule('LW-K8S-011', () => ({
  title: 'Network policies never admit an ip_block that covers the VPC',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'With the VPC CNI every pod has a VPC address: an ip_block equal to or wider than the VPC CIDR (and not ' +
    "excepting it) admits every pod of every namespace, undoing the policies' pod selectors. Peers name the " +
    'load balancer or database subnets, or addresses outside the VPC. No scanner equivalent (scanners know no VPC).',
  types: ['kubernetes_network_policy_v1'],
  test: (policy, env) => {
    const vpc = env.config.network.vpcCidr;
    const wide = ipBlocks(policy).filter(
      (b) => cidrCovers(String(b.cidr), vpc) && !(b.except ?? []).some((e) => cidrCovers(e, vpc)),
    );
    return wide.length === 0 || `ip_block covering the VPC ${vpc}: ${wide.map((b) => b.cidr).join(', ')}`;
  },
}));

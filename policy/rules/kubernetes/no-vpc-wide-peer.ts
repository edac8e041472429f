/**
 * LW-K8S-011: Network policies never admit ip_blocks that, alone or together, cover the VPC.
 */
import {
  cidrCovers,
  cidrRanges,
  ipv4Range,
  rangeMinus,
  rangesCover,
  type Ipv4Range,
} from '../../../environments/rules/formats';
import { resourceRule } from '../../rule';

interface IpBlock {
  readonly cidr?: string;
  readonly except?: readonly string[];
}

type Peers = { ip_block?: IpBlock }[];

/** The ip_blocks of a NetworkPolicy's ingress peers, then of its egress peers. */
function ipBlocks(policy: Record<string, unknown>): { direction: string; blocks: IpBlock[] }[] {
  const spec = (policy.spec as Record<string, unknown> | undefined) ?? {};
  const rules = (direction: string, side: string) =>
    ((spec[direction] as Record<string, Peers | undefined>[] | undefined) ?? []).flatMap(
      (r) => r[side] ?? [],
    );
  return [
    ['ingress', 'from'],
    ['egress', 'to'],
  ].map(([direction, side]) => ({
    direction,
    blocks: rules(direction, side).flatMap((p) => (p.ip_block ? [p.ip_block] : [])),
  }));
}

/** A block as wide as the VPC that does not except all of it (a partial except leaves it too wide to read). */
const wideAlone = (block: IpBlock, vpc: string) =>
  cidrCovers(String(block.cidr), vpc) && !(block.except ?? []).some((e) => cidrCovers(e, vpc));

/** The addresses an ip_block admits: its CIDR minus its `except` CIDRs. */
function admitted(block: IpBlock): Ipv4Range[] {
  const range = ipv4Range(String(block.cidr));
  return range ? rangeMinus(range, cidrRanges(block.except ?? [])) : [];
}

export default resourceRule('LW-K8S-011', () => ({
  title: 'Network policies never admit ip_blocks that, alone or together, cover the VPC',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'With the VPC CNI every pod has a VPC address: an ip_block equal to or wider than the VPC CIDR (and not ' +
    'excepting all of it), or ip_blocks whose addresses (each CIDR minus its except list) together cover the VPC ' +
    "in one direction, admit every pod of every namespace, undoing the policies' pod selectors; two halves of the " +
    'VPC do so as surely as the VPC itself. Peers name the load balancer or database subnets, or addresses outside ' +
    'the VPC. No scanner equivalent (scanners know no VPC).',
  types: ['kubernetes_network_policy_v1'],
  test: (policy, env) => {
    const vpc = env.config.network.vpcCidr;
    const wide = ipBlocks(policy).filter(
      ({ blocks }) => blocks.some((b) => wideAlone(b, vpc)) || rangesCover(blocks.flatMap(admitted), vpc),
    );
    return (
      wide.length === 0 ||
      wide
        .map(
          ({ direction, blocks }) =>
            `${direction} ip_blocks covering the VPC ${vpc}: ${blocks.map((b) => b.cidr).join(', ')}`,
        )
        .join('; ')
    );
  },
}));

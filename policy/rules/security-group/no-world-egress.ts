/**
 * LW-SG-004: No egress to the whole internet.
 */
import { resourceRule } from '../../rule';

const WORLD = ['0.0.0.0/0', '::/0'];
/** CIDRs of a separate rule resource or of a security group's inline blocks. */
const cidrs = (block: Record<string, unknown>, inline: 'ingress' | 'egress'): string[] =>
  [
    block.cidr_ipv4,
    block.cidr_ipv6,
    ...((block.cidr_blocks as string[] | undefined) ?? []),
    ...(
      (block[inline] as { cidr_blocks?: string[]; ipv6_cidr_blocks?: string[] }[] | undefined) ?? []
    ).flatMap((r) => [...(r.cidr_blocks ?? []), ...(r.ipv6_cidr_blocks ?? [])]),
  ].filter((c): c is string => typeof c === 'string');

export default resourceRule({
  id: 'LW-SG-004',
  title: 'No egress to the whole internet',
  severity: 'high',
  mirrors: ['CKV_AWS_382', 'AVD-AWS-0104'],
  rationale: 'The database initiates no connection; an allow-all egress rule only helps exfiltration.',
  types: ['aws_security_group', 'aws_vpc_security_group_egress_rule'],
  test: (block) => !cidrs(block, 'egress').some((c) => WORLD.includes(c)),
});

/**
 * LW-SG-002: Security group rules have a description.
 */
import { isDescription } from '../../aws';
import { resourceRule } from '../../rule';
import type { Block } from '../../../synth/terraform-json';

export default resourceRule('LW-SG-002', () => ({
  title: 'Security group rules have a description',
  severity: 'low',
  mirrors: ['CKV_AWS_23', 'AVD-AWS-0124'],
  relation: {
    CKV_AWS_23:
      'narrower: rule descriptions only (the group\'s own is LW-SG-001); it also rejects "Managed by Terraform" and one-character descriptions, which the check accepts',
    'AVD-AWS-0124': 'stricter: also rejects one-character descriptions',
  },
  rationale: 'A rule without a description cannot be reviewed or safely removed.',
  types: [
    'aws_security_group',
    'aws_vpc_security_group_ingress_rule',
    'aws_vpc_security_group_egress_rule',
    'aws_security_group_rule',
  ],
  test: (block, _env, address) => {
    if (!address.startsWith('aws_security_group.')) return isDescription(block.description);
    const inline = [block.ingress, block.egress].flatMap((rules) => (rules as Block[] | undefined) ?? []);
    return inline.length === 0 ? null : inline.every((r) => isDescription(r.description));
  },
}));

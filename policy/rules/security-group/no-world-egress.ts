/**
 * LW-SG-004: No egress to the whole internet.
 */
import { cidrs, WORLD } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-SG-004', () => ({
  title: 'No egress to the whole internet',
  severity: 'high',
  mirrors: ['CKV_AWS_382', 'AVD-AWS-0104'],
  rationale: 'The database initiates no connection; an allow-all egress rule only helps exfiltration.',
  types: ['aws_security_group', 'aws_vpc_security_group_egress_rule'],
  test: (block) => !cidrs(block, 'egress').some((c) => WORLD.includes(c)),
}));

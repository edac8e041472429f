/**
 * LW-SG-003: No ingress from the whole internet.
 */
import { cidrs, WORLD } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-SG-003', () => ({
  title: 'No ingress from the whole internet',
  severity: 'critical',
  mirrors: ['CKV_AWS_277', 'CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260', 'AwsSolutions-EC23', 'EC2.19'],
  rationale:
    "PostgreSQL (5432) is on Security Hub's list of high-risk ports; nothing here should be reachable from 0.0.0.0/0.",
  types: ['aws_security_group', 'aws_vpc_security_group_ingress_rule'],
  test: (block, _env, address) =>
    !cidrs(block, 'ingress').some((c) => WORLD.includes(c)) || `open to the internet: ${address}`,
}));

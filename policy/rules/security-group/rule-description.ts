/**
 * LW-SG-002: Security group rules have a description.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-SG-002', () => ({
  title: 'Security group rules have a description',
  severity: 'low',
  mirrors: ['CKV_AWS_23', 'AVD-AWS-0124'],
  rationale: 'A rule without a description cannot be reviewed or safely removed.',
  types: [
    'aws_vpc_security_group_ingress_rule',
    'aws_vpc_security_group_egress_rule',
    'aws_security_group_rule',
  ],
  test: (r) => typeof r.description === 'string' && r.description.trim() !== '',
}));

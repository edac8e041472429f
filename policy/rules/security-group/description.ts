/**
 * LW-SG-001: Security groups have a description.
 */
import { isDescription } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-SG-001', () => ({
  title: 'Security groups have a description',
  severity: 'low',
  mirrors: ['CKV_AWS_23', 'AVD-AWS-0099', 'AwsSolutions-EC27'],
  relation: {
    CKV_AWS_23:
      'narrower: the group\'s own description only (rule descriptions are LW-SG-002); it also rejects "Managed by Terraform" and one-character descriptions, which the check accepts',
    'AVD-AWS-0099': 'stricter: also rejects one-character descriptions',
    'AwsSolutions-EC27': 'stricter: also rejects the provider default "Managed by Terraform"',
  },
  rationale: 'The description is what a reviewer reads in the console to know what a group protects.',
  types: ['aws_security_group'],
  test: (group) => isDescription(group.description),
}));

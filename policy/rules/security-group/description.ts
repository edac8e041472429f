/**
 * LW-SG-001: Security groups have a description.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-SG-001', () => ({
  title: 'Security groups have a description',
  severity: 'low',
  mirrors: ['CKV_AWS_23', 'AVD-AWS-0099', 'AwsSolutions-EC27'],
  rationale: 'The description is what a reviewer reads in the console to know what a group protects.',
  types: ['aws_security_group'],
  test: (group) =>
    typeof group.description === 'string' &&
    group.description.trim() !== '' &&
    group.description !== 'Managed by Terraform',
}));

/**
 * LW-IAM-002: IAM roles get no administrator policy.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-IAM-002', () => ({
  title: 'IAM roles get no administrator policy',
  severity: 'critical',
  mirrors: ['CKV_AWS_274', 'AwsSolutions-IAM4'],
  rationale: 'The monitoring role needs AmazonRDSEnhancedMonitoringRole and nothing more.',
  types: ['aws_iam_role_policy_attachment'],
  test: (attachment) =>
    !/AdministratorAccess|PowerUserAccess|IAMFullAccess/.test(String(attachment.policy_arn)),
}));

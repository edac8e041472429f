/**
 * LW-IAM-002: IAM principals get no administrator policy.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-IAM-002', () => {
  /** Every way a managed policy reaches a role, user or group (the resources CKV_AWS_274 reads, and more). */
  const ATTACHMENTS = [
    'aws_iam_role',
    'aws_iam_policy_attachment',
    'aws_iam_role_policy_attachment',
    'aws_iam_user_policy_attachment',
    'aws_iam_group_policy_attachment',
    'aws_iam_role_policy_attachments_exclusive',
    'aws_iam_user_policy_attachments_exclusive',
    'aws_iam_group_policy_attachments_exclusive',
    'aws_ssoadmin_managed_policy_attachment',
  ];
  const ADMINISTRATOR = /AdministratorAccess|PowerUserAccess|IAMFullAccess/;
  return {
    title: 'IAM principals get no administrator policy',
    severity: 'critical',
    mirrors: ['CKV_AWS_274'],
    relation:
      'stricter: also rejects PowerUserAccess and IAMFullAccess, and reads the exclusive attachments; the check looks for AdministratorAccess only',
    rationale: 'The monitoring role needs AmazonRDSEnhancedMonitoringRole and nothing more.',
    types: ATTACHMENTS,
    test: (block) => {
      const arns = [
        block.policy_arn,
        block.managed_policy_arn,
        ...((block.managed_policy_arns as unknown[] | undefined) ?? []),
        ...((block.policy_arns as unknown[] | undefined) ?? []),
      ].filter((arn): arn is string => typeof arn === 'string');
      if (arns.length === 0) return null;
      const admin = arns.filter((arn) => ADMINISTRATOR.test(arn));
      return admin.length === 0 || `administrator policy: ${admin.join(', ')}`;
    },
  };
});

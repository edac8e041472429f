/**
 * LW-IAM-004: IAM policies never allow every action, nor every action of a service on every resource.
 */
import { isAllow, isPermissionsBoundary, policyStatements } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-IAM-004', () => {
  const everything = /^(\*|\*:\*)$/;
  const wholeService = /^[a-z0-9-]+:\*$/;
  return {
    title: 'IAM policies never allow every action, nor a whole service on every resource',
    severity: 'critical',
    mirrors: [
      'CKV_AWS_1',
      'CKV_AWS_49',
      'CKV_AWS_62',
      'CKV_AWS_63',
      'AwsSolutions-IAM5',
      'NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess',
    ],
    relation: {
      CKV_AWS_1:
        'stricter: also fails * on any resource, *:*, and service:* on *; the check fails an Allow of * on * only (in every policy document, where the rule reads those of role and managed policies)',
      CKV_AWS_49:
        'stricter: also fails *:* and service:* on *; the check fails an Allow of * only (in every policy document, where the rule reads those of role and managed policies)',
      CKV_AWS_62:
        'stricter: also fails * on any resource, *:*, service:* on *, and a policy not from a document; the check fails an Allow of * on * in policy JSON (of user, group and SSO policies too)',
      CKV_AWS_63:
        'stricter: also fails *:*, service:* on *, and a policy not from a document; the check fails an Allow of * in policy JSON (of user, group and SSO policies too)',
      'AwsSolutions-IAM5':
        'narrower: only *, *:* and service:* on *; the check fails any wildcard in an action or a resource (s3:Get*, arn:…/*)',
      'NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess':
        'stricter: also fails * on any resource, *:*, and service:* on *; the check fails an Allow of * on * (or on an ARN ending in *)',
    },
    rationale:
      'A role assumed from CI with `*` or `service:*` on `*` is an administrator of that service; the delivery roles list what the stacks need. A permissions boundary (a ceiling, granting nothing) may name whole services.',
    types: ['aws_iam_role_policy', 'aws_iam_policy'],
    test: (block, env, address) => {
      const statements = policyStatements(block.policy, env.stack);
      if (!statements) return 'policy not from a policy document';
      const isBoundary = isPermissionsBoundary(env.stack, address, block);
      const wide = statements.filter(isAllow).flatMap((s) => {
        const onEverything = (s.resources ?? []).includes('*');
        return (s.actions ?? []).filter(
          (a) => everything.test(a) || (!isBoundary && onEverything && wholeService.test(a)),
        );
      });
      return wide.length === 0 || `allows ${wide.join(', ')}`;
    },
  };
});

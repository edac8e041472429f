/**
 * LW-IAM-006: IAM write actions are granted on named roles, never on every resource.
 */
import { isAllow, policyStatements } from '../../aws';
import { resourceRule } from '../../rule';

/** IAM's Read and List access levels; everything else in IAM changes who may do what. */
const iamRead = /^iam:(Get|List)[A-Za-z0-9]*\*?$/;

export default resourceRule({
  id: 'LW-IAM-006',
  title: 'IAM write actions are granted on named roles, never on every resource',
  severity: 'critical',
  mirrors: ['CKV_AWS_286', 'CKV_AWS_289', 'CKV_AWS_355'],
  rationale:
    'A deploy role that may create, attach or pass any role can make itself an administrator; it may only manage the monitoring role the environment stack owns.',
  types: ['aws_iam_role_policy'],
  test: (block, env) => {
    const statements = policyStatements(block.policy, env.stack);
    if (!statements) return 'policy not from a policy document';
    const wide = statements
      .filter(
        (s) => isAllow(s) && (s.resources ?? []).some((r) => r === '*' || /^arn:aws:iam::[^:]*:\*$/.test(r)),
      )
      .flatMap((s) => (s.actions ?? []).filter((a) => a.startsWith('iam:') && !iamRead.test(a)));
    return wide.length === 0 || `on every resource: ${wide.join(', ')}`;
  },
});

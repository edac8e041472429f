/**
 * LW-IAM-001: IAM roles are assumable only by an AWS service (or, judged by LW-IAM-005, GitHub Actions).
 */
import { policyStatements, trustsGitHubOidc } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule({
  id: 'LW-IAM-001',
  title: 'IAM roles are assumable only by an AWS service or GitHub Actions',
  severity: 'high',
  mirrors: ['CKV_AWS_60', 'CKV_AWS_61'],
  relation:
    'stricter: only Service principals, or the GitHub Actions OIDC provider (judged by LW-IAM-005), may assume a role; the checks reject only a * or account-wide AWS principal',
  rationale: 'A role any principal can assume is a back door into the account.',
  types: ['aws_iam_role'],
  test: (role, env) => {
    const statements = policyStatements(role.assume_role_policy, env.stack);
    if (!statements) return 'trust policy not from a policy document';
    return (
      statements.every(
        (s) =>
          trustsGitHubOidc(s) ||
          (s.principals ?? []).every((p) => p.type === 'Service' && !p.identifiers.includes('*')),
      ) || 'non-service principal'
    );
  },
});

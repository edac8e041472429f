/**
 * LW-IAM-007: Roles assumed from GitHub Actions carry a permissions boundary.
 */
import { policyStatements, trustsGitHubOidc } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-IAM-007', () => ({
  title: 'Roles assumed from GitHub Actions carry a permissions boundary',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'Code from a branch runs with these roles: the boundary caps them even if an inline policy is widened by mistake, and forbids touching the boundary, the roles and the state bucket. No scanner equivalent: Checkov, Trivy and cdk-nag do not read permissions boundaries.',
  types: ['aws_iam_role'],
  test: (role, env) => {
    const statements = policyStatements(role.assume_role_policy, env.stack);
    if (!statements?.some(trustsGitHubOidc)) return null;
    return (
      (typeof role.permissions_boundary === 'string' && role.permissions_boundary !== '') ||
      'no permissions_boundary'
    );
  },
}));

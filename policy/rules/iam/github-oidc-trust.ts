/**
 * LW-IAM-005: Roles federated with GitHub Actions trust exact subjects of this repository, for the STS audience.
 */
import { GITHUB_OIDC_HOST, policyStatements, trustsGitHubOidc } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-IAM-005', () => ({
  title: 'Roles federated with GitHub Actions trust exact subjects of this repository',
  severity: 'critical',
  mirrors: ['CKV_AWS_358'],
  relation:
    'stricter: only StringEquals conditions, aud exactly sts.amazonaws.com, and every sub inside repo:<this repository>: without a wildcard; the check accepts any repo:owner/name subject (repo:owner/* too), StringLike and any aud',
  rationale:
    'Without an exact `sub` condition any repository on GitHub, or any branch of this one, could assume the role; `StringLike` wildcards re-open that door.',
  types: ['aws_iam_role'],
  test: (role, env) => {
    const statements = policyStatements(role.assume_role_policy, env.stack);
    if (!statements) return 'trust policy not from a policy document';
    const federated = statements.filter(trustsGitHubOidc);
    if (federated.length === 0) return null;
    const prefix = `repo:${env.config.delivery.repository}:`;
    for (const s of federated) {
      const conditions = s.condition ?? [];
      const equals = (key: string) =>
        conditions.find((c) => c.test === 'StringEquals' && c.variable === `${GITHUB_OIDC_HOST}:${key}`)
          ?.values ?? [];
      if (conditions.some((c) => c.test !== 'StringEquals')) return `condition other than StringEquals`;
      if (equals('aud').join() !== 'sts.amazonaws.com') return 'aud is not exactly sts.amazonaws.com';
      const subjects = equals('sub');
      if (subjects.length === 0) return 'no sub condition';
      const foreign = subjects.filter((sub) => !sub.startsWith(prefix) || sub.includes('*'));
      if (foreign.length > 0) return `subjects outside ${prefix}*: ${foreign.join(', ')}`;
    }
    return true;
  },
}));

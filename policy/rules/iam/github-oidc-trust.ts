/**
 * LW-IAM-005: Roles federated with GitHub Actions trust exact subjects of this repository, for the STS audience; in
 * production never a pull request, and of branches only the deploy branch.
 */
import { GITHUB_OIDC_HOST, policyStatements, trustsGitHubOidc, type PolicyStatement } from '../../aws';
import { resourceRule } from '../../rule';
import type { EnvironmentConfig } from '../../../environments/config';

/** Why a production role's subjects let a branch's code in without review, or undefined. */
function unreviewedSubjects(subjects: readonly string[], config: EnvironmentConfig): string | undefined {
  const prefix = `repo:${config.delivery.repository}:`;
  const unreviewed = subjects.filter(
    (sub) =>
      sub === `${prefix}pull_request` ||
      (sub.startsWith(`${prefix}ref:`) && sub !== `${prefix}ref:refs/heads/${config.delivery.deployBranch}`),
  );
  return unreviewed.length > 0 ? `production trusts unreviewed code: ${unreviewed.join(', ')}` : undefined;
}

function verdict(s: PolicyStatement, config: EnvironmentConfig): string | undefined {
  const prefix = `repo:${config.delivery.repository}:`;
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
  return config.tier === 'production' ? unreviewedSubjects(subjects, config) : undefined;
}

export default resourceRule('LW-IAM-005', () => ({
  title:
    'Roles federated with GitHub Actions trust exact subjects of this repository; in production no pull request or other branch',
  severity: 'critical',
  mirrors: ['CKV_AWS_358'],
  relation:
    'stricter: only StringEquals conditions, aud exactly sts.amazonaws.com, every sub inside repo:<this repository>: without a wildcard, and in production neither repo:…:pull_request nor a branch other than the deploy branch; the check accepts any repo:owner/name subject (repo:owner/* too), StringLike and any aud',
  rationale:
    "Without an exact `sub` condition any repository on GitHub, or any branch of this one, could assume the role; `StringLike` wildcards re-open that door. In production a pull request's code reaches a role only through a GitHub Environment whose reviewers approve it (the `environment:` subject), or once merged to the deploy branch (docs/threat-model.md).",
  types: ['aws_iam_role'],
  test: (role, env) => {
    const statements = policyStatements(role.assume_role_policy, env.stack);
    if (!statements) return 'trust policy not from a policy document';
    for (const s of statements.filter(trustsGitHubOidc)) {
      const failure = verdict(s, env.config);
      if (failure) return failure;
    }
    return statements.some(trustsGitHubOidc) ? true : null;
  },
}));

/**
 * LW-IAM-001: IAM roles are assumable only by an AWS service, by GitHub Actions (judged by LW-IAM-005), or by one
 * service account of the environment's own cluster (IRSA).
 */
import { policyStatements, trustsGitHubOidc, type PolicyStatement } from '../../aws';
import { resourceRule } from '../../rule';
import type { EnvironmentConfig } from '../../../environments/config';

const onlyServices = (s: PolicyStatement): boolean =>
  (s.principals ?? []).every((p) => p.type === 'Service' && !p.identifiers.includes('*'));

/**
 * A web-identity statement of the environment's cluster OIDC provider (this account, the configured issuer), for
 * sts:AssumeRoleWithWebIdentity only, with StringEquals conditions naming exactly one service account and the
 * STS audience.
 */
function trustsOneServiceAccount(s: PolicyStatement, config: EnvironmentConfig): boolean {
  const issuer = config.cluster.oidcIssuerUrl.replace(/^https:\/\//, '');
  const provider = `arn:aws:iam::${config.aws.accountId}:oidc-provider/${issuer}`;
  const conditions = s.condition ?? [];
  const values = (claim: string) => conditions.find((c) => c.variable === `${issuer}:${claim}`)?.values ?? [];
  const [subject, ...others] = values('sub');
  return (
    (s.principals ?? []).length === 1 &&
    s.principals?.[0].type === 'Federated' &&
    s.principals[0].identifiers.join() === provider &&
    (s.actions ?? []).join() === 'sts:AssumeRoleWithWebIdentity' &&
    conditions.every((c) => c.test === 'StringEquals') &&
    others.length === 0 &&
    // `system:serviceaccount:<namespace>:<name>`, Kubernetes names, no wildcard.
    /^system:serviceaccount:[a-z0-9]([-a-z0-9]*[a-z0-9])?:[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/.test(
      subject ?? '',
    ) &&
    values('aud').join() === 'sts.amazonaws.com'
  );
}

export default resourceRule('LW-IAM-001', () => ({
  title:
    'IAM roles are assumable only by an AWS service, GitHub Actions or one service account of the cluster',
  severity: 'high',
  mirrors: ['CKV_AWS_60', 'CKV_AWS_61'],
  relation:
    "stricter: only Service principals, the GitHub Actions OIDC provider (judged by LW-IAM-005), or the environment's cluster OIDC provider pinned by StringEquals to one service account and the STS audience may assume a role; the checks reject only a * or account-wide AWS principal",
  rationale:
    'A role any principal can assume is a back door into the account; a web-identity role must name its one service account, or every pod of the cluster (or of another cluster) could take it.',
  types: ['aws_iam_role'],
  test: (role, env) => {
    const statements = policyStatements(role.assume_role_policy, env.stack);
    if (!statements) return 'trust policy not from a policy document';
    return (
      statements.every(
        (s) => onlyServices(s) || trustsGitHubOidc(s) || trustsOneServiceAccount(s, env.config),
      ) ||
      'principal that is neither an AWS service, GitHub Actions, nor one pinned service account of the cluster'
    );
  },
}));

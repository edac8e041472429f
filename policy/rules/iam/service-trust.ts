/**
 * LW-IAM-001: IAM roles are assumable only by an AWS service, or by one Kubernetes service account (IRSA).
 */
import { policyStatements, type PolicyStatement } from '../../aws';
import { resourceRule } from '../../rule';

/** A web-identity statement of the cluster's OIDC provider, pinned to one service account and the STS audience. */
function pinnedServiceAccount(statement: PolicyStatement): boolean {
  const conditions =
    (statement as { condition?: { test: string; variable: string; values: string[] }[] }).condition ?? [];
  const pinned = (claim: string, value: RegExp) =>
    conditions.some(
      (c) =>
        c.test === 'StringEquals' &&
        c.variable.endsWith(`:${claim}`) &&
        c.values.length === 1 &&
        value.test(c.values[0]),
    );
  return (
    (statement.principals ?? []).every(
      (p) => p.type === 'Federated' && p.identifiers.every((id) => /:oidc-provider\/oidc\.eks\./.test(id)),
    ) &&
    pinned('sub', /^system:serviceaccount:[a-z0-9-]+:[a-z0-9-]+$/) &&
    pinned('aud', /^sts\.amazonaws\.com$/)
  );
}

export default resourceRule({
  id: 'LW-IAM-001',
  title: 'IAM roles are assumable only by an AWS service or one pinned service account',
  severity: 'high',
  mirrors: ['CKV_AWS_60', 'CKV_AWS_61'],
  rationale:
    'A role any principal can assume is a back door into the account; a web-identity role must name the one service account that may use it.',
  types: ['aws_iam_role'],
  test: (role, env) => {
    const statements = policyStatements(role.assume_role_policy, env.stack);
    if (!statements) return 'trust policy not from a policy document';
    return (
      statements.every(
        (s) =>
          (s.principals ?? []).every((p) => p.type === 'Service' && !p.identifiers.includes('*')) ||
          pinnedServiceAccount(s),
      ) || 'principal that is neither an AWS service nor one pinned service account'
    );
  },
});

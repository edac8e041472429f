/**
 * LW-IAM-001: IAM roles are assumable only by an AWS service.
 */
import { resourceRule, type SynthesizedEnvironment } from '../../rule';

/** Statements of the role's trust policy, when it comes from an aws_iam_policy_document. */
function trustStatements(role: Record<string, unknown>, stack: SynthesizedEnvironment['stack']) {
  const match = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/.exec(
    String(role.assume_role_policy ?? ''),
  );
  const document = match ? stack.data?.aws_iam_policy_document?.[match[1]] : undefined;
  return (
    (document?.statement as { principals?: { type: string; identifiers: string[] }[] }[] | undefined) ??
    undefined
  );
}

export default resourceRule({
  id: 'LW-IAM-001',
  title: 'IAM roles are assumable only by an AWS service',
  severity: 'high',
  mirrors: ['CKV_AWS_60', 'CKV_AWS_61'],
  rationale: 'A role any principal can assume is a back door into the account.',
  types: ['aws_iam_role'],
  test: (role, env) => {
    const statements = trustStatements(role, env.stack);
    if (!statements) return 'trust policy not from a policy document';
    return (
      statements.every((s) =>
        (s.principals ?? []).every((p) => p.type === 'Service' && !p.identifiers.includes('*')),
      ) || 'non-service principal'
    );
  },
});

/**
 * LW-KMS-003: KMS keys have an explicit policy with no wildcard principal.
 */
import { resourceRule, type SynthesizedEnvironment } from '../../rule';

/** The principals of the key policy's statements, when it comes from an aws_iam_policy_document. */
function principals(
  key: Record<string, unknown>,
  stack: SynthesizedEnvironment['stack'],
): string[] | undefined {
  const match = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/.exec(String(key.policy ?? ''));
  const document = match ? stack.data?.aws_iam_policy_document?.[match[1]] : undefined;
  if (!document) return undefined;
  return ((document.statement as { principals?: { identifiers: string[] }[] }[]) ?? []).flatMap((s) =>
    (s.principals ?? []).flatMap((p) => p.identifiers),
  );
}

export default resourceRule({
  id: 'LW-KMS-003',
  title: 'KMS keys have an explicit policy with no wildcard principal',
  severity: 'high',
  mirrors: ['CKV_AWS_33', 'AwsSolutions-KMS'],
  rationale: 'A principal of * lets any AWS account use the key; the default policy hides who may use it.',
  types: ['aws_kms_key'],
  test: (key, env) => {
    const found = principals(key, env.stack);
    return found === undefined ? 'no policy document' : !found.includes('*') || 'wildcard principal';
  },
});

/**
 * LW-KMS-003: KMS keys have an explicit policy with no wildcard principal.
 */
import { policyStatements } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-KMS-003', () => ({
  title: 'KMS keys have an explicit policy with no wildcard principal',
  severity: 'high',
  mirrors: ['CKV_AWS_33'],
  relation:
    'stricter: the key needs a policy document, and a * principal fails even under a condition; the check passes keys without a policy and conditional * principals',
  rationale: 'A principal of * lets any AWS account use the key; the default policy hides who may use it.',
  types: ['aws_kms_key'],
  test: (key, env) => {
    const statements = policyStatements(key.policy, env.stack);
    if (!statements) return 'no policy document';
    return (
      !statements.some((s) => (s.principals ?? []).some((p) => p.identifiers.includes('*'))) ||
      'wildcard principal'
    );
  },
}));

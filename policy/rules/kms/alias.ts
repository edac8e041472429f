/**
 * LW-KMS-005: KMS keys have an alias.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-KMS-005', () => ({
  title: 'KMS keys have an alias',
  severity: 'low',
  mirrors: [],
  relation: {},
  rationale:
    'An alias names the key in the console, CloudTrail and policies. No scanner equivalent (AWS KMS best practices).',
  types: ['aws_kms_key'],
  test: (_key, env, address) =>
    Object.values(env.stack.resource?.aws_kms_alias ?? {}).some((alias) =>
      String(alias.target_key_id ?? '').includes(address),
    ),
}));

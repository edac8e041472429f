/**
 * LW-KMS-002: KMS keys wait at least 7 days before deletion, 30 in production.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-KMS-002', () => ({
  title: 'KMS keys wait at least 7 days before deletion, 30 in production',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'The waiting period is the only way back from scheduling the deletion of a key that encrypts data. No scanner equivalent (AWS KMS best practices).',
  types: ['aws_kms_key'],
  test: (key, env) => {
    const days = Number(key.deletion_window_in_days ?? 30);
    return days >= (env.config.tier === 'production' ? 30 : 7) || `deletion_window_in_days = ${days}`;
  },
}));

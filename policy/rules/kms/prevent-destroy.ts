/**
 * LW-KMS-004: Production KMS keys cannot be destroyed by a plan.
 */
import { preventsDestroy } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-KMS-004', () => ({
  title: 'Production KMS keys cannot be destroyed by a plan',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    'Destroying the key makes every snapshot and backup encrypted with it unreadable. No scanner equivalent (a platform data-protection rule).',
  types: ['aws_kms_key'],
  tiers: ['production'],
  test: (key) => preventsDestroy(key),
}));

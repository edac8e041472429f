/**
 * LW-CF-003: The production media bucket cannot be destroyed by a plan.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-CF-003', () => ({
  title: 'The production media bucket cannot be destroyed by a plan',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    'The bucket holds every uploaded image; R2 has no recycle bin. No scanner equivalent (a platform data-protection rule).',
  types: ['cloudflare_r2_bucket'],
  tiers: ['production'],
  test: (bucket) => (bucket.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true,
}));

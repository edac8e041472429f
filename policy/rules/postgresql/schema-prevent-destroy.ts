/**
 * LW-PGR-012: Production schemas cannot be destroyed by a plan.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGR-012', () => ({
  title: 'Production schemas cannot be destroyed by a plan',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    "The schemas hold the applications' data. No scanner equivalent (a platform data-protection rule).",
  types: ['postgresql_schema'],
  tiers: ['production'],
  test: (schema) => (schema.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true,
}));

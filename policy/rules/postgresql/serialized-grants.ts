/**
 * LW-PGR-010: Grants apply one after another.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGR-010', () => ({
  title: 'Grants apply one after another',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'Grants applied in parallel fail with "tuple concurrently updated"; each waits for the one before. No scanner equivalent (cyrilgdn/postgresql#178).',
  types: ['postgresql_grant', 'postgresql_default_privileges'],
  test: (grant) => Array.isArray(grant.depends_on) && grant.depends_on.length > 0,
}));

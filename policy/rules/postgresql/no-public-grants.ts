/**
 * LW-PGR-008: Nothing is granted to PUBLIC.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGR-008', () => ({
  title: 'Nothing is granted to PUBLIC',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'A grant to PUBLIC reaches every role, present and future. No scanner equivalent (security-rules §6).',
  types: ['postgresql_grant', 'postgresql_default_privileges'],
  test: (grant) =>
    grant.role !== 'public' || (Array.isArray(grant.privileges) && grant.privileges.length === 0),
}));

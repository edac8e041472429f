/**
 * LW-PGR-007: PUBLIC has no rights on schema public.
 */
import { revokeFromPublic } from '../../postgresql';
import { stackRule } from '../../rule';

export default stackRule('LW-PGR-007', () => ({
  title: 'PUBLIC has no rights on schema public',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'PostgreSQL 15 already drops CREATE; USAGE stays unless revoked, exposing whatever lands in public. No scanner equivalent (PostgreSQL 15 release notes).',
  when: ['postgresql_role'],
  test: (env) => {
    const found = revokeFromPublic(env, 'schema', 'public');
    return { verdict: Boolean(found) || 'no revoke of PUBLIC on schema public', address: found?.[0] };
  },
}));

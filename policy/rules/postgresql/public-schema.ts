/**
 * LW-PGR-007: PUBLIC has no rights on schema public.
 */
import { revokeFromPublic } from '../../postgresql';
import { stackRule } from '../../rule';

export default stackRule('LW-PGR-007', () => ({
  title: 'PUBLIC has no rights on schema public',
  severity: 'high',
  mirrors: ['PostgreSQL 15 release notes', 'security-rules §6'],
  rationale:
    'PostgreSQL 15 already drops CREATE; USAGE stays unless revoked, exposing whatever lands in public.',
  when: ['postgresql_role'],
  test: (env) => {
    const found = revokeFromPublic(env, 'schema', 'public');
    return { verdict: Boolean(found) || 'no revoke of PUBLIC on schema public', address: found?.[0] };
  },
}));

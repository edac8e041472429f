/**
 * LW-PGR-006: PUBLIC cannot connect to the database or create temporary tables.
 */
import { revokeFromPublic } from '../../postgresql';
import { stackRule } from '../../rule';

export default stackRule('LW-PGR-006', () => ({
  title: 'PUBLIC cannot connect to the database or create temporary tables',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'Every role gets CONNECT and TEMPORARY through PUBLIC by default; only the declared roles may connect. No scanner equivalent (PostgreSQL docs: privileges).',
  when: ['postgresql_role'],
  test: (env) => {
    const found = revokeFromPublic(env, 'database');
    return { verdict: Boolean(found) || 'no revoke of PUBLIC on the database', address: found?.[0] };
  },
}));

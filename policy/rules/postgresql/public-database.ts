/**
 * LW-PGR-006: PUBLIC cannot connect to the database or create temporary tables.
 */
import { blocksOf, stackRule, type SynthesizedEnvironment } from '../../rule';

const revokes = (env: SynthesizedEnvironment, objectType: string, schema?: string) =>
  blocksOf(env.stack, ['postgresql_grant']).find(
    ([, g]) =>
      g.role === 'public' &&
      g.object_type === objectType &&
      (schema === undefined || g.schema === schema) &&
      Array.isArray(g.privileges) &&
      g.privileges.length === 0,
  );

export default stackRule({
  id: 'LW-PGR-006',
  title: 'PUBLIC cannot connect to the database or create temporary tables',
  severity: 'high',
  mirrors: ['PostgreSQL ddl-priv', 'security-rules \u00a76'],
  rationale:
    'Every role gets CONNECT and TEMPORARY through PUBLIC by default; only the declared roles may connect.',
  when: ['postgresql_role'],
  test: (env) => {
    const found = revokes(env, 'database');
    return { verdict: Boolean(found) || 'no revoke of PUBLIC on the database', address: found?.[0] };
  },
});

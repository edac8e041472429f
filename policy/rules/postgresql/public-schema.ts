/**
 * LW-PGR-007: PUBLIC has no rights on schema public.
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
  id: 'LW-PGR-007',
  title: 'PUBLIC has no rights on schema public',
  severity: 'high',
  mirrors: ['PostgreSQL 15 release notes', 'security-rules \u00a76'],
  rationale:
    'PostgreSQL 15 already drops CREATE; USAGE stays unless revoked, exposing whatever lands in public.',
  when: ['postgresql_role'],
  test: (env) => {
    const found = revokes(env, 'schema', 'public');
    return { verdict: Boolean(found) || 'no revoke of PUBLIC on schema public', address: found?.[0] };
  },
});

/**
 * LW-PGR-009: At most one grant per role, database, schema and object type.
 */
import { resourceRule } from '../../rule';
import { blocksOf } from '../../../synth/synthesized-environment';

export default resourceRule('LW-PGR-009', () => ({
  title: 'At most one grant per role, database, schema and object type',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'The provider revokes everything on the tuple before granting, so two grants on it undo each other. No scanner equivalent (cyrilgdn/postgresql: postgresql_grant is authoritative).',
  types: ['postgresql_grant'],
  test: (grant, env, address) => {
    const key = (g: Record<string, unknown>) => `${g.role}/${g.database}/${g.schema ?? ''}/${g.object_type}`;
    const twins = blocksOf(env.stack, ['postgresql_grant']).filter(
      ([a, g]) => a !== address && key(g) === key(grant),
    );
    return twins.length === 0 || `same tuple as ${twins.map(([a]) => a).join(', ')}`;
  },
}));

/**
 * LW-REDIS-004: The Redis cache keeps nothing on disk.
 */
import { redisDirectives } from '../../redis';
import { resourceRule } from '../../rule';

export default resourceRule('LW-REDIS-004', () => ({
  title: 'The Redis cache keeps nothing on disk',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'It is a cache: snapshots and an append-only file would only fill the pod volume and leave cached data behind; applications must not treat it as a store. No scanner equivalent (Redis documentation: persistence).',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const d = redisDirectives(cm);
    if (!d) return null;
    return (
      (d.get('save') === '""' && d.get('appendonly') === 'no') ||
      `save ${d.get('save')}, appendonly ${d.get('appendonly')}`
    );
  },
}));

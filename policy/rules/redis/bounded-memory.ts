/**
 * LW-REDIS-003: Redis has a memory ceiling and evicts any key when it is reached.
 */
import { redisDirectives } from '../../redis';
import { resourceRule } from '../../rule';

export default resourceRule('LW-REDIS-003', () => ({
  title: 'Redis has a memory ceiling and evicts any key when it is reached',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'Without maxmemory the container is killed at its limit and the cache restarts empty; with noeviction or volatile-* a full cache refuses writes. No scanner equivalent (Redis documentation: key eviction).',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const d = redisDirectives(cm);
    if (!d) return null;
    return (
      (Number(d.get('maxmemory')) > 0 &&
        /^allkeys-(lru|lfu|random)$/.test(d.get('maxmemory-policy') ?? '')) ||
      `maxmemory ${d.get('maxmemory')}, policy ${d.get('maxmemory-policy')}`
    );
  },
}));

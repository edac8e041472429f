/**
 * LW-REDIS-005: Redis refuses DEBUG and MODULE commands, whatever the ACL says.
 */
import { redisDirectives } from '../../redis';
import { resourceRule } from '../../rule';

export default resourceRule('LW-REDIS-005', () => ({
  title: 'Redis refuses DEBUG and MODULE commands, whatever the ACL says',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'MODULE LOAD runs a shared object inside the server and DEBUG can crash or stall it; both stay off even if an ACL line is widened by mistake. No scanner equivalent (redis.conf: enable-debug-command, enable-module-command).',
  types: ['kubernetes_config_map_v1'],
  test: (cm) => {
    const d = redisDirectives(cm);
    if (!d) return null;
    return d.get('enable-debug-command') === 'no' && d.get('enable-module-command') === 'no';
  },
}));

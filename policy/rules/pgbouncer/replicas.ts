/**
 * LW-PGB-014: The pooler runs at least two replicas.
 */
import { isPooler } from '../../kubernetes';
import { resourceRule } from '../../rule';
import { get } from '../../../synth/synthesized-environment';

export default resourceRule('LW-PGB-014', () => ({
  title: 'The pooler runs at least two replicas',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'Every database connection goes through PgBouncer; one pod is a single point of failure. Helpers beside it (a metrics exporter, one replica so nothing is counted twice; the Redis cache, one pod on purpose) are not judged. No scanner equivalent (a platform availability rule).',
  types: ['kubernetes_deployment_v1'],
  test: (d) => (isPooler(d) ? Number(get(d, 'spec', 'replicas') ?? 1) >= 2 : null),
}));

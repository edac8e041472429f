/**
 * LW-CF-004: CORS names https origins, never *.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-CF-004', () => ({
  title: 'CORS names https origins, never *',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'A wildcard origin lets any site script read the media API responses. No scanner equivalent (Cloudflare R2 CORS docs).',
  types: ['cloudflare_r2_bucket_cors'],
  test: (cors) =>
    JSON.stringify(cors.rules ?? [])
      .match(/"origins":\[[^\]]*\]/g)
      ?.every((list) => !list.includes('"*"') && !list.includes('http://')) ?? true,
}));

/**
 * LW-CF-006: API tokens reach a single bucket.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-CF-006', () => ({
  title: 'API tokens reach a single bucket',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'An account-wide R2 token would let Payload read and delete every bucket of the account. No scanner equivalent (Cloudflare API token docs).',
  types: ['cloudflare_account_token', 'cloudflare_api_token'],
  test: (token) =>
    ((token.policies as { resources?: string }[] | undefined) ?? []).every((p) => {
      const keys = Object.keys(JSON.parse(p.resources ?? '{}'));
      return (
        keys.length === 1 &&
        /^com\.cloudflare\.edge\.r2\.bucket\.[0-9a-f]{32}_[a-z]+_[a-z0-9-]+$/.test(keys[0])
      );
    }),
}));

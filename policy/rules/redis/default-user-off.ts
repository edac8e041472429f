/**
 * LW-REDIS-001: The Redis ACL file switches the default user off.
 */
import { aclUsers, isEnabled } from '../../redis';
import { resourceRule } from '../../rule';

export default resourceRule('LW-REDIS-001', () => ({
  title: 'The Redis ACL file switches the default user off',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    'An enabled default user is what every unauthenticated connection runs as; off, each client must log in as its own user. No scanner equivalent (Redis ACL documentation: the default user).',
  types: ['kubernetes_secret_v1'],
  test: (secret) => {
    const users = aclUsers(secret);
    if (!users) return null;
    const rules = users.get('default');
    return (
      (rules !== undefined && !isEnabled(rules) && !rules.includes('nopass')) ||
      'default user not declared off'
    );
  },
}));

/**
 * LW-PGR-003: Login roles have a connection limit.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGR-003', () => ({
  title: 'Login roles have a connection limit',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'A role without a limit can take every connection of the instance and lock the others out. No scanner equivalent (least privilege, security-rules §6).',
  types: ['postgresql_role'],
  test: (role) => (role.login === true ? Number(role.connection_limit ?? -1) > 0 : null),
}));

/**
 * LW-PGR-004: Login roles have a statement timeout.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGR-004', () => ({
  title: 'Login roles have a statement timeout',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'A runaway query holds a pooled server connection and locks until it ends. No scanner equivalent (least privilege, security-rules §6).',
  types: ['postgresql_role'],
  test: (role) => (role.login === true ? Number(role.statement_timeout ?? 0) > 0 : null),
}));

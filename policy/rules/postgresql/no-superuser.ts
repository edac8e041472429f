/**
 * LW-PGR-001: No PostgreSQL role is a superuser.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGR-001', () => ({
  title: 'No PostgreSQL role is a superuser',
  severity: 'critical',
  mirrors: [],
  relation: {},
  rationale:
    'RDS has no true superuser; an application role with superuser-like rights could read every schema. No scanner equivalent (least privilege, security-rules §6).',
  types: ['postgresql_role'],
  test: (role) => role.superuser !== true,
}));

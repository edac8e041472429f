/**
 * LW-PGR-001: No PostgreSQL role is a superuser.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGR-001', () => ({
  title: 'No PostgreSQL role is a superuser',
  severity: 'critical',
  mirrors: ['security-rules §6 least privilege'],
  rationale:
    'RDS has no true superuser; an application role with superuser-like rights could read every schema.',
  types: ['postgresql_role'],
  test: (role) => role.superuser !== true,
}));

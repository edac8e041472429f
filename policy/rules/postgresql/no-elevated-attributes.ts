/**
 * LW-PGR-002: Roles cannot create databases or roles, replicate or bypass RLS.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGR-002', () => ({
  title: 'Roles cannot create databases or roles, replicate or bypass RLS',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'Application roles own a schema and nothing more. No scanner equivalent (least privilege, security-rules §6).',
  types: ['postgresql_role'],
  test: (role) =>
    ['create_database', 'create_role', 'replication', 'bypass_row_level_security'].every(
      (a) => role[a] !== true,
    ) &&
    ['create_database', 'create_role', 'replication', 'bypass_row_level_security'].every((a) => a in role),
}));

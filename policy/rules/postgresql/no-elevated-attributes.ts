/**
 * LW-PGR-002: Roles cannot create databases or roles, replicate or bypass RLS.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGR-002', () => ({
  title: 'Roles cannot create databases or roles, replicate or bypass RLS',
  severity: 'high',
  mirrors: ['security-rules §6 least privilege'],
  rationale: 'Application roles own a schema and nothing more.',
  types: ['postgresql_role'],
  test: (role) =>
    ['create_database', 'create_role', 'replication', 'bypass_row_level_security'].every(
      (a) => role[a] !== true,
    ) &&
    ['create_database', 'create_role', 'replication', 'bypass_row_level_security'].every((a) => a in role),
}));

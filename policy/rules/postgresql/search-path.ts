/**
 * LW-PGR-005: Login roles have a search_path.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PGR-005', () => ({
  title: 'Login roles have a search_path',
  severity: 'low',
  mirrors: [],
  relation: {},
  rationale:
    "PgBouncer's transaction pooling cannot pass search_path at connection start; the role must carry it. No scanner equivalent (PgBouncer transaction pooling).",
  types: ['postgresql_role'],
  test: (role) =>
    role.login === true ? Array.isArray(role.search_path) && role.search_path.length > 0 : null,
}));

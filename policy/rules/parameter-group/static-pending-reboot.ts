/**
 * LW-PG-006: Static parameters apply at the next reboot.
 */
import { parameters } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule({
  id: 'LW-PG-006',
  title: 'Static parameters apply at the next reboot',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'RDS rejects apply_method = immediate for static parameters such as shared_preload_libraries, failing the apply. No scanner equivalent (AWS RDS parameter groups).',
  types: ['aws_db_parameter_group'],
  test: (group) => {
    const p = parameters(group).get('shared_preload_libraries');
    return p ? p.apply_method === 'pending-reboot' : null;
  },
});

/**
 * LW-PG-006: Static parameters apply at the next reboot.
 */
import { parameters } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PG-006', () => {
  /** Static parameters of postgres15 the platform sets. */
  const STATIC = ['shared_preload_libraries', 'max_connections'];
  return {
    title: 'Static parameters apply at the next reboot',
    severity: 'medium',
    mirrors: [],
    relation: {},
    rationale:
      'RDS rejects apply_method = immediate for static parameters such as shared_preload_libraries and max_connections, failing the apply. No scanner equivalent (AWS RDS parameter groups).',
    types: ['aws_db_parameter_group'],
    test: (group) => {
      const set = parameters(group);
      const present = STATIC.filter((name) => set.has(name));
      if (present.length === 0) return null;
      const immediate = present.filter((name) => set.get(name)?.apply_method !== 'pending-reboot');
      return immediate.length === 0 || `applied immediately: ${immediate.join(', ')}`;
    },
  };
});

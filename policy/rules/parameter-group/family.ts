/**
 * LW-PG-008: The parameter group family is postgres15.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-PG-008', () => ({
  title: 'The parameter group family is postgres15',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'A group of another family cannot be attached to a PostgreSQL 15 instance. No scanner equivalent (AWS RDS parameter groups).',
  types: ['aws_db_parameter_group'],
  test: (group) => group.family === 'postgres15',
}));

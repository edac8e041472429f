/**
 * LW-PG-002: The parameter group logs statements (log_statement and log_min_duration_statement).
 */
import { parameters } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PG-002', () => ({
  title: 'The parameter group logs statements (log_statement and log_min_duration_statement)',
  severity: 'medium',
  mirrors: ['CKV2_AWS_30'],
  relation: 'same',
  rationale: 'DDL and slow statements in the log are what an incident review and tuning start from.',
  types: ['aws_db_parameter_group'],
  test: (group) =>
    parameters(group).has('log_statement') && parameters(group).has('log_min_duration_statement'),
}));

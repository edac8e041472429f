/**
 * LW-PG-003: log_statement is not all.
 */
import { parameters } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PG-003', () => ({
  title: 'log_statement is not all',
  severity: 'high',
  mirrors: [],
  relation: {},
  rationale:
    'log_statement = all writes every statement, passwords in ALTER ROLE included, into the logs. No scanner equivalent (AWS pgAudit guide).',
  types: ['aws_db_parameter_group'],
  test: (group) => parameters(group).get('log_statement')?.value !== 'all',
}));

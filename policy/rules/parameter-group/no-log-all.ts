/**
 * LW-PG-003: log_statement is not all.
 */
import { parameters } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PG-003', () => ({
  title: 'log_statement is not all',
  severity: 'high',
  mirrors: ['AWS pgAudit guide'],
  rationale: 'log_statement = all writes every statement, passwords in ALTER ROLE included, into the logs.',
  types: ['aws_db_parameter_group'],
  test: (group) => parameters(group).get('log_statement')?.value !== 'all',
}));

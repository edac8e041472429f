/**
 * LW-PG-003: log_statement is not all.
 */
import { resourceRule } from '../../rule';

/** The group's parameters by name. */
const parameters = (group: Record<string, unknown>): Map<string, { value: string; apply_method?: string }> =>
  new Map(
    ((group.parameter as { name: string; value: string; apply_method?: string }[] | undefined) ?? []).map(
      (p) => [p.name, p],
    ),
  );

export default resourceRule({
  id: 'LW-PG-003',
  title: 'log_statement is not all',
  severity: 'high',
  mirrors: ['AWS pgAudit guide'],
  rationale: 'log_statement = all writes every statement, passwords in ALTER ROLE included, into the logs.',
  types: ['aws_db_parameter_group'],
  test: (group) => parameters(group).get('log_statement')?.value !== 'all',
});

/**
 * LW-PG-001: The parameter group forces TLS (rds.force_ssl = 1).
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
  id: 'LW-PG-001',
  title: 'The parameter group forces TLS (rds.force_ssl = 1)',
  severity: 'high',
  mirrors: ['CKV2_AWS_69'],
  rationale: 'PostgreSQL 15 on RDS defaults to 1, but the scanners only trust what the attached group says.',
  types: ['aws_db_parameter_group'],
  test: (group) => parameters(group).get('rds.force_ssl')?.value === '1',
});

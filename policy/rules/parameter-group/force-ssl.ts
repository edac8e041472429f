/**
 * LW-PG-001: The parameter group forces TLS (rds.force_ssl = 1).
 */
import { parameters } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PG-001', () => ({
  title: 'The parameter group forces TLS (rds.force_ssl = 1)',
  severity: 'high',
  mirrors: ['CKV2_AWS_69'],
  relation: 'same',
  rationale: 'PostgreSQL 15 on RDS defaults to 1, but the scanners only trust what the attached group says.',
  types: ['aws_db_parameter_group'],
  test: (group) => parameters(group).get('rds.force_ssl')?.value === '1',
}));

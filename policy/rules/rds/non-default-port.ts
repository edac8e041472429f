/**
 * LW-RDS-025: RDS listens on a non-default port.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-025', () => ({
  title: 'RDS listens on a non-default port',
  severity: 'low',
  mirrors: ['AwsSolutions-RDS11', 'RDS.23'],
  relation: 'same',
  rationale: 'Scanners probe default ports first.',
  types: ['aws_db_instance'],
  test: (db) => Number(db.port ?? 5432) !== 5432,
}));

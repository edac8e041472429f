/**
 * LW-RDS-016: RDS master user is not a default name.
 */
import { resourceRule } from '../../rule';

export default resourceRule('LW-RDS-016', () => ({
  title: 'RDS master user is not a default name',
  severity: 'low',
  mirrors: ['RDS.25'],
  relation:
    'stricter: also rejects admin, root and master; the control rejects the engine default (postgres) only',
  rationale: 'Default user names (postgres, admin) are the first ones guessed.',
  types: ['aws_db_instance'],
  test: (db) => !['postgres', 'admin', 'root', 'master'].includes(String(db.username)),
}));

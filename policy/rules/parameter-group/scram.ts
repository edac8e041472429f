/**
 * LW-PG-004: Passwords are stored as SCRAM-SHA-256.
 */
import { parameters } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PG-004', () => ({
  title: 'Passwords are stored as SCRAM-SHA-256',
  severity: 'medium',
  mirrors: [],
  relation: {},
  rationale:
    'MD5 password hashes are weak and replayable; SCRAM is what PgBouncer and RDS use end to end. No scanner equivalent (AWS SCRAM guide).',
  types: ['aws_db_parameter_group'],
  test: (group) => parameters(group).get('password_encryption')?.value === 'scram-sha-256',
}));

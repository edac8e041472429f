/**
 * LW-PG-007: Idle transactions are ended (idle_in_transaction_session_timeout).
 */
import { parameters } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PG-007', () => ({
  title: 'Idle transactions are ended (idle_in_transaction_session_timeout)',
  severity: 'low',
  mirrors: [],
  relation: {},
  rationale:
    'A session idle in a transaction holds locks and pins a pooled server connection. No scanner equivalent (PostgreSQL runtime config).',
  types: ['aws_db_parameter_group'],
  test: (group) => Number(parameters(group).get('idle_in_transaction_session_timeout')?.value ?? 0) > 0,
}));

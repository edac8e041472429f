/**
 * LW-PG-005: Connections and disconnections are logged.
 */
import { parameters } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PG-005', () => ({
  title: 'Connections and disconnections are logged',
  severity: 'low',
  mirrors: [],
  relation: {},
  rationale:
    'Who connected when is the first question after a credential leak. No scanner equivalent for RDS (Checkov has this check for GCP and Azure PostgreSQL only).',
  types: ['aws_db_parameter_group'],
  test: (group) =>
    parameters(group).get('log_connections')?.value === '1' &&
    parameters(group).get('log_disconnections')?.value === '1',
}));

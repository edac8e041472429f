/**
 * LW-PG-005: Connections and disconnections are logged.
 */
import { parameters } from '../../aws';
import { resourceRule } from '../../rule';

export default resourceRule('LW-PG-005', () => ({
  title: 'Connections and disconnections are logged',
  severity: 'low',
  mirrors: ['CKV_GCP_52', 'CKV_GCP_53', 'CKV_AZURE_31'],
  rationale:
    'Who connected when is the first question after a credential leak (the AWS analogue of the CIS checks for other clouds).',
  types: ['aws_db_parameter_group'],
  test: (group) =>
    parameters(group).get('log_connections')?.value === '1' &&
    parameters(group).get('log_disconnections')?.value === '1',
}));

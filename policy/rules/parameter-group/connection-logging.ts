/**
 * LW-PG-005: Connections and disconnections are logged.
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
  id: 'LW-PG-005',
  title: 'Connections and disconnections are logged',
  severity: 'low',
  mirrors: ['CKV_GCP_52', 'CKV_GCP_53', 'CKV_AZURE_31'],
  rationale:
    'Who connected when is the first question after a credential leak (the AWS analogue of the CIS checks for other clouds).',
  types: ['aws_db_parameter_group'],
  test: (group) =>
    parameters(group).get('log_connections')?.value === '1' &&
    parameters(group).get('log_disconnections')?.value === '1',
});

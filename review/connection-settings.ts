/**
 * The connection budget rows of the key settings, each total first (a long row is cut in the table, never before
 * its total): the `max_connections` the parameter group pins (read from the
 * synthesized stack), the most the instance class holds, and what the role limits and PgBouncer pools take of it.
 * Validation refuses a config where either does not fit, so the rows show the arithmetic, not a verdict.
 */
import { connectionCapacity, RDS_RESERVED_CONNECTIONS } from '../constructs/rds-instance-classes';
import { connectionBudgetOf } from '../environments/connection-budget';
import { parameters } from '../policy/aws';
import { blocksOf, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import { budgetFact } from './capacity';

export function connectionSettings(env: SynthesizedEnvironment): [setting: string, value: string][] {
  const { config, stack } = env;
  const [, group] = blocksOf(stack, ['aws_db_parameter_group'])[0] ?? ['', {}];
  const pinned = parameters(group).get('max_connections');
  const limits = config.databaseAccess.roles.flatMap((r) => (r.login ? [r] : []));
  const limitSum = limits.reduce((sum, r) => sum + r.connectionLimit, 0);
  const forRoles = config.database.parameters.maxConnections - RDS_RESERVED_CONNECTIONS;
  const budget = connectionBudgetOf(config);
  const ceiling = connectionCapacity(config.database.instanceClass);
  return [
    [
      'max_connections (parameter group)',
      pinned ? `${pinned.value} (${pinned.apply_method})` : '— (not pinned)',
    ],
    ['max_connections ceiling of the class', `up to ${ceiling.maxConnections}: ${ceiling.arithmetic}`],
    [
      'role connection limits',
      `${limitSum} ≤ ${forRoles} (max_connections − ${RDS_RESERVED_CONNECTIONS} reserved): ` +
        limits.map((r) => `${r.name} ${r.connectionLimit}`).join(' + '),
    ],
    ['PgBouncer connection budget', `${budgetFact(budget) ?? '?'} server connections: ${budget.arithmetic}`],
  ];
}

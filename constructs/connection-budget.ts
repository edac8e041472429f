/**
 * How many PostgreSQL server connections PgBouncer may open, against what the instance allows.
 *
 * Each replica keeps at most `pool + reserve` server connections per (database, user) pair, so the fleet needs
 * replicas × Σ(pool + reserve). The instance offers max_connections minus the superuser-reserved connections minus
 * the headroom kept for operators, migrations and monitoring.
 */
import { RDS_RESERVED_CONNECTIONS } from './rds-instance-classes';

export interface ConnectionBudgetInput {
  readonly replicas: number;
  /** One entry per (database, user) pair PgBouncer pools. */
  readonly pools: readonly { readonly name: string; readonly poolSize: number; readonly reserve: number }[];
  readonly maxConnections: number;
  readonly headroom: number;
}

export interface ConnectionBudget {
  readonly needed: number;
  readonly available: number;
  readonly fits: boolean;
  /** The arithmetic, for error messages and the review report. */
  readonly arithmetic: string;
}

export function connectionBudget(input: ConnectionBudgetInput): ConnectionBudget {
  const perReplica = input.pools.reduce((sum, p) => sum + p.poolSize + p.reserve, 0);
  const needed = input.replicas * perReplica;
  const available = input.maxConnections - RDS_RESERVED_CONNECTIONS - input.headroom;
  const terms = input.pools.map((p) => `(${p.poolSize} + ${p.reserve} ${p.name})`).join(' + ');
  const arithmetic =
    `${input.replicas} replicas × [${terms}] = ${needed} server connections; ` +
    `available: max_connections ${input.maxConnections} − ${RDS_RESERVED_CONNECTIONS} reserved − ${input.headroom} headroom = ${available}`;
  return { needed, available, fits: needed <= available, arithmetic };
}

/**
 * How many PostgreSQL server connections PgBouncer may open, against what the instance allows.
 *
 * Each replica keeps at most `pool + reserve` server connections per (database, user) pair, so the fleet needs
 * replicas × Σ(pool + reserve), plus the connections of roles that bypass PgBouncer (the monitoring role, up to its
 * connection limit). The session path is its own (database, user) pair: its pool counts like any other, with no
 * reserve. The instance offers max_connections minus the superuser-reserved connections minus the headroom kept for
 * operators (migrations run on the session path, counted above).
 */
import { RDS_RESERVED_CONNECTIONS } from './rds-instance-classes';

export interface ConnectionBudgetInput {
  readonly replicas: number;
  /** One entry per (database, user) pair PgBouncer pools. */
  readonly pools: readonly { readonly name: string; readonly poolSize: number; readonly reserve: number }[];
  readonly maxConnections: number;
  readonly headroom: number;
  /** Roles connecting directly, not through PgBouncer, at most `connections` each. @default - none */
  readonly direct?: readonly { readonly name: string; readonly connections: number }[];
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
  const direct = input.direct ?? [];
  const needed = input.replicas * perReplica + direct.reduce((sum, d) => sum + d.connections, 0);
  const available = input.maxConnections - RDS_RESERVED_CONNECTIONS - input.headroom;
  const terms = input.pools.map((p) => `(${p.poolSize} + ${p.reserve} ${p.name})`).join(' + ');
  const directTerms = direct.map((d) => ` + ${d.connections} ${d.name}`).join('');
  const arithmetic =
    `${input.replicas} replicas × [${terms}]${directTerms} = ${needed} server connections; ` +
    `available: max_connections ${input.maxConnections} − ${RDS_RESERVED_CONNECTIONS} reserved − ${input.headroom} headroom = ${available}`;
  return { needed, available, fits: needed <= available, arithmetic };
}

export interface PoolerBudgetInput {
  readonly replicas: number;
  readonly defaultPoolSize: number;
  readonly reservePoolSize: number;
  /**
   * Server connections of each role's session-path pool (its own database entry, session pooling, no reserve).
   *
   * @default - no session path
   */
  readonly sessionPoolSize?: number;
  readonly headroom: number;
  /** Login roles PgBouncer pools (a transaction pool each, and a session pool with the session path). */
  readonly pooledRoles: readonly string[];
  /** The role that connects directly (the Postgres exporter's), up to its connection limit. */
  readonly monitoring: { readonly name: string; readonly connectionLimit: number };
  readonly maxConnections: number;
}

/**
 * The platform's budget: PgBouncer's pools for every pooled role (transaction path, and session path when it has
 * one), plus the monitoring role's direct connections.
 */
export function poolerConnectionBudget(input: PoolerBudgetInput): ConnectionBudget {
  const session = input.sessionPoolSize;
  return connectionBudget({
    replicas: input.replicas,
    pools: input.pooledRoles.flatMap((name) => [
      { name, poolSize: input.defaultPoolSize, reserve: input.reservePoolSize },
      ...(session === undefined ? [] : [{ name: `${name} session`, poolSize: session, reserve: 0 }]),
    ]),
    direct: [{ name: input.monitoring.name, connections: input.monitoring.connectionLimit }],
    maxConnections: input.maxConnections,
    headroom: input.headroom,
  });
}

/**
 * The capacity a change moves, read from what is deployed (the synthesized stacks of the base and the head): the
 * server connections PgBouncer's replicas may open against what the database offers them, the replicas, and the
 * instance class with the connections its memory holds. The budget is one fact — needed / available (share) — the
 * same arithmetic as validation's (constructs/connection-budget.ts): per replica each login role's
 * `max_user_connections` (pool + reserve + session pool), plus the monitoring role's direct connections, against
 * max_connections − the superuser-reserved connections − the operators' headroom (config only: the head's).
 */
import {
  connectionCapacity,
  findInstanceClass,
  RDS_RESERVED_CONNECTIONS,
} from '../constructs/rds-instance-classes';
import { parameters } from '../policy/aws';
import { isPooler } from '../policy/kubernetes';
import { iniSection } from '../policy/pgbouncer-ini';
import { blocksOf, get, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import type { TerraformJson } from '../synth/terraform-json';

export interface Capacity {
  readonly instanceClass?: string;
  readonly replicas?: number;
  /** Each login role's server connections per replica (`max_user_connections`: pool + reserve + session pool). */
  readonly perRole?: string;
  /** Server connections the pooler fleet and the monitoring role may hold. */
  readonly needed?: number;
  readonly available?: number;
}

/** Each pooled role's `max_user_connections` in pgbouncer.ini, or undefined when one is missing. */
function userLimits(stack: TerraformJson): number[] | undefined {
  const users = blocksOf(stack, ['kubernetes_config_map_v1'])
    .map(([, map]) => iniSection(map, 'users'))
    .find((section) => section !== undefined);
  if (!users) return undefined;
  const limits = [...users.values()].map((v) => Number(/max_user_connections=(\d+)/.exec(v)?.[1]));
  return limits.every(Number.isInteger) ? limits : undefined;
}

/** The capacity of `stack`, judged with `config`'s monitoring role and headroom. */
export function capacityOf(stack: TerraformJson, env: SynthesizedEnvironment): Capacity {
  const { databaseAccess, cluster } = env.config;
  const [, db] = blocksOf(stack, ['aws_db_instance'])[0] ?? ['', undefined];
  const [, pooler] = blocksOf(stack, ['kubernetes_deployment_v1']).find(([, d]) => isPooler(d)) ?? [
    '',
    undefined,
  ];
  const [, group] = blocksOf(stack, ['aws_db_parameter_group'])[0] ?? ['', {}];
  const monitoring = blocksOf(stack, ['postgresql_role']).find(
    ([, r]) => r.name === databaseAccess.monitoringRole.name,
  )?.[1];
  // The kubernetes provider takes replicas as a string.
  const replicas = pooler ? Number(get(pooler, 'spec', 'replicas')) : undefined;
  const limits = userLimits(stack);
  const perReplica = limits?.reduce((sum, n) => sum + n, 0);
  const maxConnections = Number(parameters(group).get('max_connections')?.value);
  const direct = Number(monitoring?.connection_limit ?? 0);
  return {
    ...(typeof db?.instance_class === 'string' ? { instanceClass: db.instance_class } : {}),
    ...(Number.isInteger(replicas) ? { replicas } : {}),
    ...(limits ? { perRole: [...new Set(limits)].join(' / ') } : {}),
    ...(replicas !== undefined && Number.isInteger(replicas) && perReplica !== undefined
      ? { needed: replicas * perReplica + direct }
      : {}),
    ...(Number.isInteger(maxConnections)
      ? { available: maxConnections - RDS_RESERVED_CONNECTIONS - cluster.pgbouncer.connectionHeadroom }
      : {}),
  };
}

const share = (needed: number, available: number) => `${Math.round((needed / available) * 100)}%`;

/** `315 / 345 (91%)`: server connections needed / available (share). */
export const budgetFact = (c: Capacity): string | undefined =>
  c.needed !== undefined && c.available !== undefined
    ? `${c.needed} / ${c.available} (${share(c.needed, c.available)})`
    : undefined;

const ceiling = (instanceClass: string) =>
  findInstanceClass(instanceClass) ? connectionCapacity(instanceClass).maxConnections : undefined;

/**
 * The verdict's capacity line when the change moves the pools, the replicas or the instance class: before → after,
 * the connection budget as one fact; undefined when none moves (or there is no base).
 */
export function capacityLine(env: SynthesizedEnvironment, base?: TerraformJson): string | undefined {
  if (!base) return undefined;
  const [before, after] = [capacityOf(base, env), capacityOf(env.stack, env)];
  const parts: string[] = [];
  const [budgetBefore, budgetAfter] = [budgetFact(before), budgetFact(after)];
  if (budgetAfter && (before.needed !== after.needed || before.available !== after.available))
    parts.push(`server connections needed / available ${budgetBefore ?? '?'} → ${budgetAfter}`);
  if (before.perRole !== after.perRole)
    parts.push(
      `per login role and replica ${before.perRole ?? '—'} → ${after.perRole ?? '—'} (pool + reserve + session)`,
    );
  if (before.replicas !== after.replicas)
    parts.push(`PgBouncer replicas ${before.replicas ?? '—'} → ${after.replicas ?? '—'}`);
  if (before.instanceClass && after.instanceClass && before.instanceClass !== after.instanceClass)
    parts.push(
      `instance class ${before.instanceClass} → ${after.instanceClass} (the class holds up to ` +
        `${ceiling(before.instanceClass) ?? '?'} → ${ceiling(after.instanceClass) ?? '?'} connections)`,
    );
  return parts.length > 0 ? `**Capacity:** ${parts.join('; ')}` : undefined;
}

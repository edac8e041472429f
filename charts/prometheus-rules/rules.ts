/**
 * The Prometheus alert rules of the pooler and the Postgres exporter, as a rule file any Prometheus loads
 * (`rule_files`). Thresholds come from PgBouncer's own settings and the alarm policy, never typed twice:
 *
 *   pool saturation        active server connections ≥ saturationShare × (default_pool_size + reserve_pool_size)
 *   waiting clients        a client waited ≥ reserve_pool_timeout (the reserve pool is in use) for sustainMinutes
 *   about to be cancelled  a client waited ≥ saturationShare × query_wait_timeout (PgBouncer then disconnects it)
 *   client slots           clients in use ≥ saturationShare × max_client_conn
 *
 * Series are selected by the `namespace` and `pod` labels that both the Prometheus chart's annotation-driven pod job
 * and the Prometheus Operator's PodMonitor attach; restarts come from kube-state-metrics.
 */
import type { AlarmPolicy } from '../../environments/parts/observability';
import { toYaml, type YamlValue } from './yaml';

export interface AlertRulesInput {
  readonly environment: string;
  /** Namespace of PgBouncer and the Postgres exporter. */
  readonly namespace: string;
  /** Pod name prefixes (Deployment names). */
  readonly pgbouncerDeployment: string;
  readonly postgresExporterDeployment: string;
  /** Container name of PgBouncer in its pod. */
  readonly pgbouncerContainer: string;
  readonly defaultPoolSize: number;
  readonly reservePoolSize: number;
  readonly reservePoolTimeoutSeconds: number;
  readonly queryWaitTimeoutSeconds: number;
  readonly maxClientConnections: number;
  readonly policy: AlarmPolicy;
}

export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  /** `for`, in minutes; 0 fires on the first evaluation. */
  readonly forMinutes: number;
  readonly severity: 'critical' | 'warning';
  readonly summary: string;
  /** Why the threshold is this number. */
  readonly why: string;
  readonly firstCheck: string;
}

const selector = (namespace: string, podPrefix: string) => `namespace="${namespace}", pod=~"${podPrefix}-.*"`;

/** Rules on what PgBouncer reports about its pools and clients. */
function poolRules(input: AlertRulesInput): AlertRule[] {
  const { policy } = input;
  const on = `{${selector(input.namespace, input.pgbouncerDeployment)}}`;
  const perPool = input.defaultPoolSize + input.reservePoolSize;
  const active = Math.ceil(policy.saturationShare * perPool);
  const clients = Math.ceil(policy.saturationShare * input.maxClientConnections);
  const nearCancel = Math.ceil(policy.saturationShare * input.queryWaitTimeoutSeconds);
  return [
    {
      alert: 'PgBouncerPoolSaturated',
      expr: `pgbouncer_pools_server_active_connections${on} >= ${active}`,
      forMinutes: policy.sustainMinutes,
      severity: 'warning',
      summary: 'A PgBouncer pool has nearly all its server connections busy',
      why: `saturationShare ${policy.saturationShare} × (${input.defaultPoolSize} pool + ${input.reservePoolSize} reserve) = ${active} of ${perPool} per pod`,
      firstCheck:
        'slow transactions of that user (pg_stat_activity, pg_stat_statements) before any pool change',
    },
    {
      alert: 'PgBouncerClientsWaiting',
      expr: `pgbouncer_pools_client_maxwait_seconds${on} >= ${input.reservePoolTimeoutSeconds}`,
      forMinutes: policy.sustainMinutes,
      severity: 'warning',
      summary: 'Clients wait for a server connection long enough to use the reserve pool',
      why: `reserve_pool_timeout is ${input.reservePoolTimeoutSeconds} s: a client waiting that long means pool and reserve are in use`,
      firstCheck: 'PgBouncerPoolSaturated for the same pool; the database CPU and locks',
    },
    {
      alert: 'PgBouncerClientsNearQueryWaitTimeout',
      expr: `pgbouncer_pools_client_maxwait_seconds${on} >= ${nearCancel}`,
      forMinutes: 0,
      severity: 'critical',
      summary: 'A client has waited nearly query_wait_timeout; PgBouncer is about to disconnect it',
      why: `saturationShare ${policy.saturationShare} × query_wait_timeout ${input.queryWaitTimeoutSeconds} s = ${nearCancel} s`,
      firstCheck: 'long-running transactions holding the pool (pg_stat_activity state and xact_start)',
    },
    {
      alert: 'PgBouncerClientConnectionsNearLimit',
      expr: `pgbouncer_used_clients${on} >= ${clients}`,
      forMinutes: policy.sustainMinutes,
      severity: 'warning',
      summary: 'A PgBouncer pod is close to max_client_conn; new clients will be refused',
      why: `saturationShare ${policy.saturationShare} × max_client_conn ${input.maxClientConnections} = ${clients}`,
      firstCheck:
        "the applications' connection pools (size × replicas) against max_client_conn × PgBouncer replicas",
    },
  ];
}

/** Rules on the scrape targets themselves: silence must not look like health. */
function availabilityRules(input: AlertRulesInput): AlertRule[] {
  const { policy, namespace } = input;
  const pgbouncer = selector(namespace, input.pgbouncerDeployment);
  const exporter = selector(namespace, input.postgresExporterDeployment);
  const down = (labels: string) => `up{${labels}} == 0 or absent(up{${labels}})`;
  return [
    {
      alert: 'PgBouncerExporterDown',
      expr: down(pgbouncer),
      forMinutes: policy.sustainMinutes,
      severity: 'critical',
      summary: "No metrics from a PgBouncer pod's exporter: the pooler is unwatched",
      why: 'a target that is down or missing reports nothing, so every other pool alert would stay silent',
      firstCheck: `kubectl -n ${namespace} get pods; the pgbouncer-exporter container log; the scrape NetworkPolicy`,
    },
    {
      alert: 'PgBouncerDown',
      expr: `pgbouncer_up{${pgbouncer}} == 0`,
      forMinutes: policy.sustainMinutes,
      severity: 'critical',
      summary: 'The exporter runs but PgBouncer does not answer the stats user',
      why: 'pgbouncer_up is 0 when any SHOW command fails',
      firstCheck: 'the pgbouncer container log; the stats user in the userlist Secret',
    },
    {
      alert: 'PgBouncerRestarted',
      expr: `increase(kube_pod_container_status_restarts_total{namespace="${namespace}", container="${input.pgbouncerContainer}"}[${policy.sustainMinutes}m]) > 0`,
      forMinutes: 0,
      severity: 'warning',
      summary: 'PgBouncer restarted: its clients lost their connections',
      why: `any restart within sustainMinutes (${policy.sustainMinutes} m) is news: PgBouncer holds every client connection`,
      firstCheck: 'kubectl describe pod (OOMKilled, liveness failures); the previous container log',
    },
    {
      alert: 'PostgresExporterDown',
      expr: down(exporter),
      forMinutes: policy.sustainMinutes,
      severity: 'critical',
      summary: 'No metrics from the Postgres exporter: database statistics are unwatched',
      why: 'a target that is down or missing reports nothing',
      firstCheck: `kubectl -n ${namespace} logs deploy/${input.postgresExporterDeployment}; the monitoring Secret`,
    },
    {
      alert: 'PostgresUnreachable',
      expr: `pg_up{${exporter}} == 0`,
      forMinutes: policy.sustainMinutes,
      severity: 'critical',
      summary: 'The Postgres exporter cannot log in to the database as the monitoring role',
      why: 'pg_up is 0 when the exporter cannot connect',
      firstCheck: 'RDS events (availability); the monitoring role connection limit; the egress NetworkPolicy',
    },
  ];
}

export function alertRules(input: AlertRulesInput): AlertRule[] {
  return [...poolRules(input), ...availabilityRules(input)];
}

function toRule(environment: string, rule: AlertRule): YamlValue {
  return {
    alert: rule.alert,
    expr: rule.expr,
    ...(rule.forMinutes > 0 ? { for: `${rule.forMinutes}m` } : {}),
    labels: { severity: rule.severity, environment },
    annotations: { summary: rule.summary, threshold: rule.why, first_check: rule.firstCheck },
  };
}

/** The rule file (YAML), one group per environment. */
export function renderAlertRules(input: AlertRulesInput): string {
  return toYaml({
    groups: [
      {
        name: `lightwave-${input.environment}-pooler-and-database`,
        rules: alertRules(input).map((rule) => toRule(input.environment, rule)),
      },
    ],
  });
}

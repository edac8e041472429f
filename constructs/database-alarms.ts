/**
 * The CloudWatch alarms of an RDS PostgreSQL instance, planned from the environment's own numbers: the instance
 * class (vCPUs, memory, CPU credits, EBS burst), the gp3 storage and its autoscaling ceiling, and the connection
 * budget. Pure: the observability layer turns each plan into an alarm, the review report reads the same plan.
 *
 * Missing data is chosen per kind of metric:
 * - load metrics (CPU, connections, queue, latency, swap) treat a gap as `notBreaching`: no datapoints means no load
 *   reported, and a stopped or rebooting instance is told by the RDS event subscription instead;
 * - reserve metrics (free storage, freeable memory, CPU credits, EBS balances) keep their last state (`missing`): a
 *   gap neither raises a shortage nor clears one that is real.
 */
import type { AlarmPolicy } from '../environments/parts/observability';
import type { ConnectionBudget } from './connection-budget';
import { classPerformance } from './rds-class-performance';
import { findInstanceClass } from './rds-instance-classes';
import { AUTOSCALING_FREE_SHARE, GP3_LATENCY_BOUND_SECONDS, gp3BaselineIops } from './rds-storage';

export interface DatabaseAlarmInput {
  readonly instanceClass: string;
  readonly allocatedStorageGiB: number;
  readonly maxAllocatedStorageGiB: number;
  /** `max_connections` the server enforces. */
  readonly maxConnections: number;
  /** The connection budget PgBouncer's pools and the monitoring role are checked against. */
  readonly budget: ConnectionBudget;
  readonly policy: AlarmPolicy;
}

export type MissingData = 'notBreaching' | 'missing';

export interface PlannedAlarm {
  /** Construct id and alarm-name suffix, e.g. `cpu_utilization`. */
  readonly key: string;
  /** AWS/RDS metric name. */
  readonly metric: string;
  readonly statistic: 'Average' | 'Minimum' | 'Maximum';
  readonly comparison: 'GreaterThanOrEqualToThreshold' | 'LessThanOrEqualToThreshold';
  /** In the metric's unit (percent, count, bytes, seconds, credits). */
  readonly threshold: number;
  /** The threshold as a reader says it: `≥ 80 %`, `≤ 2 GiB`. */
  readonly shown: string;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly missingData: MissingData;
  /** Why this number, with the arithmetic. */
  readonly why: string;
  /** The first thing to look at when it fires. */
  readonly firstCheck: string;
}

export interface SkippedAlarm {
  readonly metric: string;
  readonly reason: string;
}

export interface DatabaseAlarmPlan {
  readonly alarms: readonly PlannedAlarm[];
  readonly skipped: readonly SkippedAlarm[];
}

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;
const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const mib = (bytes: number) => `${round(bytes / MIB)} MiB`;
const gib = (bytes: number) => `${round(bytes / GIB)} GiB`;

type Timing = Pick<PlannedAlarm, 'periodSeconds' | 'evaluationPeriods'>;

/** Evaluation over the policy's sustain window, in periods of the metric's resolution. */
function sustained(policy: AlarmPolicy, periodSeconds: number): Timing {
  return {
    periodSeconds,
    evaluationPeriods: Math.max(1, Math.ceil((policy.sustainMinutes * 60) / periodSeconds)),
  };
}

function cpuAlarms(input: DatabaseAlarmInput): PlannedAlarm[] {
  const { policy, instanceClass } = input;
  const perf = classPerformance(instanceClass);
  const vcpus = findInstanceClass(instanceClass)?.vcpus ?? 0;
  const cpu: PlannedAlarm = {
    key: 'cpu_utilization',
    metric: 'CPUUtilization',
    statistic: 'Average',
    comparison: 'GreaterThanOrEqualToThreshold',
    threshold: round(policy.saturationShare * 100),
    shown: `≥ ${percent(policy.saturationShare)}`,
    ...sustained(policy, 60),
    missingData: 'notBreaching',
    why:
      `alarms.saturationShare ${policy.saturationShare} of the ${vcpus} vCPUs of ${instanceClass}` +
      (perf.baselineShare
        ? `; above its ${percent(perf.baselineShare)} baseline it already spends CPU credits`
        : ''),
    firstCheck: 'Performance Insights top SQL by CPU; pg_stat_statements total_exec_time',
  };
  if (!perf.maxCreditBalance || !perf.cpuCreditsPerHour) return [cpu];
  const credits: PlannedAlarm = {
    key: 'cpu_credit_balance',
    metric: 'CPUCreditBalance',
    statistic: 'Minimum',
    comparison: 'LessThanOrEqualToThreshold',
    threshold: round(policy.reserveShare * perf.maxCreditBalance),
    shown: `≤ ${round(policy.reserveShare * perf.maxCreditBalance)} credits`,
    ...sustained(policy, 300),
    missingData: 'missing',
    why:
      `alarms.reserveShare ${policy.reserveShare} of the ${perf.maxCreditBalance} credits ${instanceClass} banks ` +
      `(24 h × ${perf.cpuCreditsPerHour}/h); at 0 RDS keeps bursting (Unlimited) and bills surplus vCPU-hours`,
    firstCheck: 'CPUUtilization against the baseline over the last 24 h; a larger class if it is sustained',
  };
  return [cpu, credits];
}

function memoryAlarms({ policy, instanceClass }: DatabaseAlarmInput): PlannedAlarm[] {
  const memoryBytes = (findInstanceClass(instanceClass)?.memoryGiB ?? 0) * GIB;
  const reserve = Math.round(policy.reserveShare * memoryBytes);
  const share = `alarms.reserveShare ${policy.reserveShare} of the ${gib(memoryBytes)} of ${instanceClass}`;
  return [
    {
      key: 'freeable_memory',
      metric: 'FreeableMemory',
      statistic: 'Minimum',
      comparison: 'LessThanOrEqualToThreshold',
      threshold: reserve,
      shown: `≤ ${mib(reserve)}`,
      ...sustained(policy, 60),
      missingData: 'missing',
      why: `${share}; below it the page cache is gone and the next step is swap`,
      firstCheck: 'DatabaseConnections (each backend holds memory) and work_mem-heavy queries',
    },
    {
      key: 'swap_usage',
      metric: 'SwapUsage',
      statistic: 'Maximum',
      comparison: 'GreaterThanOrEqualToThreshold',
      threshold: reserve,
      shown: `≥ ${mib(reserve)}`,
      ...sustained(policy, 60),
      missingData: 'notBreaching',
      why: `${share} in swap: the working set no longer fits in memory`,
      firstCheck: 'FreeableMemory over the same window; then connection count and memory-hungry queries',
    },
  ];
}

function storageAlarms({
  policy,
  allocatedStorageGiB,
  maxAllocatedStorageGiB,
}: DatabaseAlarmInput): PlannedAlarm[] {
  const freeGiB = round(AUTOSCALING_FREE_SHARE * allocatedStorageGiB, 2);
  const iops = gp3BaselineIops(allocatedStorageGiB);
  const queue = Math.round(iops * GP3_LATENCY_BOUND_SECONDS);
  const latency = (key: string, metric: string, what: string): PlannedAlarm => ({
    key,
    metric,
    statistic: 'Average',
    comparison: 'GreaterThanOrEqualToThreshold',
    threshold: GP3_LATENCY_BOUND_SECONDS,
    shown: `≥ ${GP3_LATENCY_BOUND_SECONDS * 1000} ms`,
    ...sustained(policy, 60),
    missingData: 'notBreaching',
    why: `gp3 promises single-digit-millisecond ${what}; beyond ${GP3_LATENCY_BOUND_SECONDS * 1000} ms storage (or the instance's EBS bandwidth) is the bottleneck`,
    firstCheck: 'DiskQueueDepth and EBSIOBalance%; Performance Insights waits on IO:DataFileRead / WAL',
  });
  return [
    {
      key: 'free_storage',
      metric: 'FreeStorageSpace',
      statistic: 'Minimum',
      comparison: 'LessThanOrEqualToThreshold',
      threshold: freeGiB * GIB,
      shown: `≤ ${freeGiB} GiB (${percent(freeGiB / maxAllocatedStorageGiB)} of the ${maxAllocatedStorageGiB} GiB ceiling)`,
      ...sustained(policy, 60),
      missingData: 'missing',
      why:
        `autoscaling adds storage once free space ≤ ${percent(AUTOSCALING_FREE_SHARE)} of allocated (${freeGiB} GiB at the first ` +
        `${allocatedStorageGiB} GiB, more as it grows), so below ${freeGiB} GiB it could not help: the instance is at its ` +
        `${maxAllocatedStorageGiB} GiB ceiling or grew twice within 6 h`,
      firstCheck:
        'RDS events (low storage), table and WAL growth, then raise database.maxAllocatedStorageGiB',
    },
    {
      key: 'disk_queue_depth',
      metric: 'DiskQueueDepth',
      statistic: 'Average',
      comparison: 'GreaterThanOrEqualToThreshold',
      threshold: queue,
      shown: `≥ ${queue}`,
      ...sustained(policy, 60),
      missingData: 'notBreaching',
      why: `Little's law: ${iops} IOPS (gp3 baseline at ${allocatedStorageGiB} GiB) × ${GP3_LATENCY_BOUND_SECONDS * 1000} ms latency bound = ${queue} I/Os in flight; a longer queue waits beyond it`,
      firstCheck: 'ReadIOPS/WriteIOPS against the gp3 baseline; queries doing sequential scans',
    },
    latency('read_latency', 'ReadLatency', 'reads'),
    latency('write_latency', 'WriteLatency', 'writes'),
  ];
}

function connectionAlarm({ policy, budget, maxConnections }: DatabaseAlarmInput): PlannedAlarm {
  const threshold = Math.ceil(policy.saturationShare * budget.available);
  return {
    key: 'database_connections',
    metric: 'DatabaseConnections',
    statistic: 'Maximum',
    comparison: 'GreaterThanOrEqualToThreshold',
    threshold,
    shown: `≥ ${threshold}`,
    ...sustained(policy, 60),
    missingData: 'notBreaching',
    why:
      `alarms.saturationShare ${policy.saturationShare} of the ${budget.available} connections the budget gives PgBouncer's pools and ` +
      `the monitoring role (${budget.needed} when all are full; max_connections ${maxConnections})`,
    firstCheck:
      'pg_stat_activity by usename and client_addr: PgBouncer pools, or something connecting directly',
  };
}

function ebsAlarms({ policy, instanceClass }: DatabaseAlarmInput): PlannedAlarm[] {
  if (!classPerformance(instanceClass).ebsBurst) return [];
  const threshold = round(policy.reserveShare * 100);
  const balance = (key: string, metric: string, what: string): PlannedAlarm => ({
    key,
    metric,
    statistic: 'Minimum',
    comparison: 'LessThanOrEqualToThreshold',
    threshold,
    shown: `≤ ${threshold} %`,
    ...sustained(policy, 300),
    missingData: 'missing',
    why: `alarms.reserveShare ${policy.reserveShare} of ${instanceClass}'s EBS ${what} burst bucket; empty, the instance falls to its EBS baseline`,
    firstCheck: 'ReadIOPS/WriteIOPS and throughput over the last hours; a larger class for sustained I/O',
  });
  return [
    balance('ebs_io_balance', 'EBSIOBalance%', 'I/O'),
    balance('ebs_byte_balance', 'EBSByteBalance%', 'throughput'),
  ];
}

/** The burst and credit metrics RDS does not report for this class and storage, so nothing can alarm on them. */
export function unalarmedMetrics(instanceClass: string, storageType: string): SkippedAlarm[] {
  const perf = classPerformance(instanceClass);
  const noEbsBurst = `${instanceClass} has dedicated EBS bandwidth (no burst bucket)`;
  return [
    ...(perf.cpuCreditsPerHour
      ? []
      : [{ metric: 'CPUCreditBalance', reason: `${instanceClass} does not run on CPU credits` }]),
    ...(perf.ebsBurst
      ? []
      : ['EBSIOBalance%', 'EBSByteBalance%'].map((metric) => ({ metric, reason: noEbsBurst }))),
    ...(storageType === 'gp2'
      ? []
      : [
          {
            metric: 'BurstBalance',
            reason: `gp2 volumes only; this instance uses ${storageType}, which has no burst bucket`,
          },
        ]),
  ];
}

/** Every alarm the instance gets, and the metrics it does not get with the reason. */
export function planDatabaseAlarms(input: DatabaseAlarmInput): DatabaseAlarmPlan {
  return {
    alarms: [
      ...cpuAlarms(input),
      ...memoryAlarms(input),
      ...storageAlarms(input),
      connectionAlarm(input),
      ...ebsAlarms(input),
    ],
    skipped: unalarmedMetrics(input.instanceClass, 'gp3'),
  };
}

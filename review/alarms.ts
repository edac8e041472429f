/**
 * What an environment alerts on, read from the synthesized stack (what will be deployed): every CloudWatch alarm
 * (metric, threshold, why that number, what to check first), the RDS metrics left without one and why, the RDS event
 * categories that page, who is paged, and the Prometheus alert rules shipped to the cluster. Rendered by
 * sections/alarms.ts.
 */
import { unalarmedMetrics, type SkippedAlarm } from '../constructs/database-alarms';
import { blocksOf, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import type { Block, TerraformJson } from '../synth/terraform-json';

export interface AlarmRow {
  readonly metric: string;
  readonly threshold: string;
  readonly why: string;
  readonly firstCheck: string;
  /** `15 × 60 s, missing data: notBreaching` */
  readonly evaluation: string;
}

export interface PrometheusRuleRow {
  readonly alert: string;
  readonly expr: string;
  /** `15m`, or empty: fires on the first evaluation. */
  readonly for: string;
  readonly why: string;
}

export interface Alerting {
  readonly recipients: readonly string[];
  readonly alarms: readonly AlarmRow[];
  readonly unalarmed: readonly SkippedAlarm[];
  readonly events: readonly { readonly source: string; readonly categories: readonly string[] }[];
  readonly rules: readonly PrometheusRuleRow[];
}

/** Resource types whose change the alarms section reports. */
export const ALERTING_TYPES = [
  'aws_cloudwatch_metric_alarm',
  'aws_cloudwatch_dashboard',
  'aws_db_event_subscription',
  'aws_sns_topic',
  'aws_sns_topic_policy',
  'aws_sns_topic_subscription',
];

/** `<metric> <threshold> | why: … | first check: …`, as stacks/observability.ts writes alarm descriptions. */
function alarmRow(alarm: Block): AlarmRow {
  const [head = '', why = '', check = ''] = String(alarm.alarm_description ?? '').split(' | ');
  const metric = String(alarm.metric_name);
  return {
    metric,
    threshold: head.startsWith(`${metric} `) ? head.slice(metric.length + 1) : String(alarm.threshold),
    why: why.replace(/^why: /, ''),
    firstCheck: check.replace(/^first check: /, ''),
    evaluation: `${alarm.evaluation_periods} × ${alarm.period} s, missing data: ${alarm.treat_missing_data}`,
  };
}

/** The rules file of the alert-rules ConfigMap, as charts/prometheus-rules/yaml.ts writes it. */
function prometheusRules(stack: TerraformJson): PrometheusRuleRow[] {
  const files = blocksOf(stack, ['kubernetes_config_map_v1']).flatMap(([, b]) =>
    Object.entries((b.data as Record<string, string> | undefined) ?? {}),
  );
  const file = files.find(([key]) => key.endsWith('.rules.yml'))?.[1];
  if (!file) return [];
  return file
    .split(/\n\s+- alert: /)
    .slice(1)
    .map((rule) => {
      const field = (name: string) => {
        const match = new RegExp(`^\\s*${name}: (".*")$`, 'm').exec(rule);
        return match ? (JSON.parse(match[1]) as string) : '';
      };
      return {
        alert: JSON.parse(rule.split('\n')[0]) as string,
        expr: field('expr'),
        for: field('for'),
        why: field('threshold'),
      };
    });
}

export function alertingOf({ stack }: SynthesizedEnvironment): Alerting {
  const db = blocksOf(stack, ['aws_db_instance'])[0]?.[1];
  return {
    recipients: blocksOf(stack, ['aws_sns_topic_subscription']).map(
      ([, s]) => `${s.protocol}: ${s.endpoint}`,
    ),
    alarms: blocksOf(stack, ['aws_cloudwatch_metric_alarm']).map(([, a]) => alarmRow(a)),
    unalarmed: db ? unalarmedMetrics(String(db.instance_class), String(db.storage_type)) : [],
    events: blocksOf(stack, ['aws_db_event_subscription']).map(([, s]) => ({
      source: String(s.source_type),
      categories: (s.event_categories as string[] | undefined) ?? ['every category'],
    })),
    rules: prometheusRules(stack),
  };
}

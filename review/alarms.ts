/**
 * The "Alarms" section of the review report: per environment, every CloudWatch alarm (metric, threshold, why that
 * number, what to check first), the RDS metrics left without one and why, the RDS event categories that page, and
 * the Prometheus alert rules shipped to the cluster. Read from the synthesized stack: what will be deployed.
 */
import { unalarmedMetrics } from '../constructs/database-alarms';
import { blocksOf, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import type { Block } from '../synth/terraform-json';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = (header: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
];

/** `<metric> <threshold> | why: … | first check: …`, as stacks/observability.ts writes alarm descriptions. */
function describedAlarm(alarm: Block): string[] {
  const [head, why, check] = String(alarm.alarm_description ?? '').split(' | ');
  const metric = String(alarm.metric_name);
  return [
    metric,
    head?.startsWith(`${metric} `) ? head.slice(metric.length + 1) : String(alarm.threshold),
    (why ?? '').replace(/^why: /, ''),
    (check ?? '').replace(/^first check: /, ''),
    `${alarm.evaluation_periods} × ${alarm.period} s, missing data: ${alarm.treat_missing_data}`,
  ];
}

/** Rules of the alert-rules ConfigMap: name, expression and the threshold annotation. */
function prometheusRules(stack: SynthesizedEnvironment['stack']): string[][] {
  const maps = blocksOf(stack, ['kubernetes_config_map_v1']).map(([, b]) => b.data as Record<string, string>);
  const file = maps
    .flatMap((data) => Object.entries(data ?? {}))
    .find(([key]) => key.endsWith('.rules.yml'))?.[1];
  if (!file) return [];
  return file
    .split(/\n\s+- alert: /)
    .slice(1)
    .map((rule) => {
      const field = (name: string) => {
        const match = new RegExp(`^\\s*${name}: (".*")$`, 'm').exec(rule);
        return match ? (JSON.parse(match[1]) as string) : '';
      };
      return [
        JSON.parse(rule.split('\n')[0]) as string,
        `\`${field('expr')}\``,
        field('for') || '—',
        field('threshold'),
      ];
    });
}

/** Markdown of the alarms of one environment. */
export function alarmsSection(env: SynthesizedEnvironment): string {
  const alarms = blocksOf(env.stack, ['aws_cloudwatch_metric_alarm']).map(([, a]) => describedAlarm(a));
  const events = blocksOf(env.stack, ['aws_db_event_subscription']).map(([, s]) => [
    String(s.source_type),
    ((s.event_categories as string[] | undefined) ?? ['every category']).join(', '),
  ]);
  const topics = blocksOf(env.stack, ['aws_sns_topic_subscription']).map(
    ([, s]) => `${s.protocol}: ${s.endpoint}`,
  );
  const db = blocksOf(env.stack, ['aws_db_instance'])[0]?.[1];
  const unalarmed = db ? unalarmedMetrics(String(db.instance_class), String(db.storage_type)) : [];
  const rules = prometheusRules(env.stack);
  return [
    `### Alarms: ${alarms.length} CloudWatch alarms, ${events.length} RDS event subscriptions, ${rules.length} Prometheus rules`,
    '',
    `Paged: ${topics.length > 0 ? topics.join(', ') : 'nobody'} (alarm and OK of each alarm; every event).`,
    '',
    ...table(['metric', 'threshold', 'why that number', 'first check', 'evaluation'], alarms),
    '',
    ...unalarmed.map((u) => `- No ${u.metric} alarm: ${u.reason}.`),
    '',
    ...table(['RDS event source', 'categories'], events),
    ...(rules.length > 0
      ? ['', ...table(['Prometheus alert', 'expression', 'for', 'why that number'], rules)]
      : []),
  ].join('\n');
}

/**
 * The Alarms section of the review report, read as a reviewer reads it (rendered GFM): per environment the alarms
 * with their thresholds and why, who is paged, the RDS events and the Prometheus rules; shown in an inventory and when
 * a change moves an alarm, left out otherwise. A change of the alert rules asks for no pod restart.
 */
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { alertingOf } from '../review/alarms';
import { renderReport } from '../review/report';
import type { TerraformJson } from '../synth/terraform-json';
import { visibleText } from './support/rendered-markdown';
import { synthEnvironment, withChange } from './support/synth';

const base = new Map<string, TerraformJson>([
  ['dev', synthEnvironment(dev)],
  ['prod', synthEnvironment(prod)],
]);

describe('alerting as the review reads it from the stack', () => {
  const alerting = alertingOf({ config: dev, stack: base.get('dev')! });

  test('every alarm with its threshold, why and first check; who is paged; what has no alarm', () => {
    expect(alerting.recipients).toEqual([`email: ${dev.observability.recipients.emails[0]}`]);
    const connections = alerting.alarms.find((a) => a.metric === 'DatabaseConnections');
    expect(connections).toEqual({
      metric: 'DatabaseConnections',
      threshold: expect.stringMatching(/^≥ \d+$/),
      why: expect.stringMatching(/of the \d+ connections the budget gives PgBouncer's pools/),
      firstCheck: expect.stringContaining('pg_stat_activity'),
      evaluation: `${dev.observability.alarms.sustainMinutes} × 60 s, missing data: notBreaching`,
    });
    expect(alerting.unalarmed.map((u) => u.metric)).toEqual(['BurstBalance']);
    expect(alerting.events.map((e) => e.source)).toEqual(['db-instance', 'db-parameter-group']);
    expect(alerting.rules.map((r) => r.alert)).toContain('PgBouncerPoolSaturated');
  });
});

describe('the Alarms section', () => {
  test('an inventory shows each environment’s alarms, events and rules', () => {
    const report = renderReport({
      environments: [
        { config: dev, stack: base.get('dev')! },
        { config: prod, stack: base.get('prod')! },
      ],
    });
    const text = visibleText(report);
    expect(text).toMatch(/Alarms: 11 CloudWatch alarms, 2 RDS event subscriptions, 9 Prometheus rules/);
    expect(text).toContain('FreeStorageSpace ≤ 2 GiB (4 % of the 50 GiB ceiling)');
    expect(text).toContain('FreeStorageSpace ≤ 4 GiB (2 % of the 200 GiB ceiling)');
    expect(text).toContain('No BurstBalance alarm: gp2 volumes only');
    expect(text).toContain('PgBouncerPoolSaturated (for 15m)');
    expect(text).toContain(
      `Paged (alarm and OK of each alarm, every RDS event): email: ${prod.observability.recipients.emails[0]}`,
    );
  });

  test('an unrelated change leaves it out; a change that moves an alarm shows it', () => {
    const bucket = withChange(dev, (e) => (e.cloudflare.media.bucketName = 'lightwave-media-dev2'));
    const quiet = renderReport({ environments: [{ config: bucket, stack: synthEnvironment(bucket) }], base });
    expect(visibleText(quiet)).not.toContain('CloudWatch alarms,');
    const tighter = withChange(dev, (e) => (e.observability.alarms.saturationShare = 0.7));
    const moved = renderReport({
      environments: [{ config: tighter, stack: synthEnvironment(tighter) }],
      base,
    });
    expect(visibleText(moved)).toContain('Alarms: 11 CloudWatch alarms');
    expect(visibleText(moved)).toContain('CPUUtilization ≥ 70 %');
  });

  test('a PgBouncer pool change moves the rules, which Prometheus reloads: no restart is asked for', () => {
    const pools = withChange(prod, (e) => (e.cluster.pgbouncer.defaultPoolSize = 30));
    const text = visibleText(
      renderReport({ environments: [{ config: pools, stack: synthEnvironment(pools) }], base }),
    );
    expect(text).toContain("ConfigMap shared/lightwave-alert-rules changes: Prometheus's rule file");
    expect(text).not.toContain('restart the workloads of shared');
    expect(text).toContain('saturationShare 0.8 × (30 pool + 10 reserve) = 32 of 40 per pod');
  });
});

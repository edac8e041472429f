/**
 * The monthly cost estimate, line by line, from the synthesized resources and the price table.
 */
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { estimateCost, estimateMediaCost } from '../review/cost';
import { synthEnvironment, withChange } from './support/synth';

const synthesized = (env = dev) => ({ config: env, stack: synthEnvironment(env) });
const estimate = (env = dev) => estimateCost(synthesized(env));

describe('cost estimate', () => {
  test('dev: db.t3.micro, 20 GiB gp3, one key, one secret, 1 GiB of logs, its alarms', () => {
    const cost = estimate(dev);
    expect(cost.lines.map((l) => [l.item, l.usd])).toEqual([
      ['RDS db.t3.micro', 13.14],
      ['gp3 storage', 2.3],
      ['Secrets Manager (master secret)', 0.4],
      ['KMS customer-managed keys', 1],
      ['CloudWatch Logs ingestion', 0.5],
      ['CloudWatch alarms', 0.1],
      ['CloudWatch dashboards', 0],
      ['SNS alert emails', 0],
    ]);
    expect(cost.databaseUsd).toBe(17.44);
    expect(cost.withinBudget).toBe(false);
  });

  test('prod fits its $72.50 budget single-AZ', () => {
    const cost = estimate(prod);
    expect(cost.databaseUsd).toBe(61.16);
    expect(cost.databaseBudgetUsd).toBe(72.5);
    expect(cost.withinBudget).toBe(true);
  });

  test('Multi-AZ doubles instance and storage, and breaks the prod budget', () => {
    const cost = estimate(withChange(prod, (e) => (e.database.multiAz = true)));
    expect(cost.lines.slice(0, 2).map((l) => [l.item, l.usd])).toEqual([
      ['RDS db.t3.medium Multi-AZ', 105.12],
      ['gp3 storage', 9.2],
    ]);
    expect(cost.withinBudget).toBe(false);
  });

  test("R2 is priced per Cloudflare account: dev's and prod's usage summed, the free tier counted once", () => {
    const [account] = estimateMediaCost([synthesized(dev), synthesized(prod)]);
    expect(account.environments).toEqual(['dev', 'prod']);
    expect(account.lines.map((l) => [l.item, l.basis, l.usd])).toEqual([
      ['R2 storage', '(105 − 10 free) GiB × $0.015', 1.43],
      ['R2 class A operations', '(0.55 − 1 free) M × $4.5', 0],
      ['R2 class B operations', '(5.5 − 10 free) M × $0.36', 0],
    ]);
    expect(account.usd).toBe(1.43);
  });

  test('environments in different Cloudflare accounts each get their own free tier', () => {
    const elsewhere = withChange(dev, (e) => (e.cloudflare.accountId = 'fedcba9876543210fedcba9876543210'));
    const accounts = estimateMediaCost([synthesized(elsewhere), synthesized(prod)]);
    expect(accounts.map((a) => [a.environments, a.usd])).toEqual([
      [['dev'], 0],
      [['prod'], 1.35],
    ]);
  });

  test('alarms, dashboards and alert mail are priced beyond their free tiers', () => {
    const busy = withChange(prod, (e) => {
      e.observability.recipients.emails = ['a', 'b', 'c', 'd', 'e'].map((n) => `${n}@lightwave-media.site`);
      e.cost.usage.alertMessagesPerMonth = 1000;
    });
    const lines = new Map(estimate(busy).lines.map((l) => [l.item, l]));
    expect(lines.get('CloudWatch alarms')).toEqual(
      expect.objectContaining({ basis: '(11 − 10 free) × $0.1', usd: 0.1 }),
    );
    expect(lines.get('CloudWatch dashboards')?.usd).toBe(0);
    // 5 recipients × 1,000 messages − 1,000 free = 4,000 emails at $2 per 100,000
    expect(lines.get('SNS alert emails')?.usd).toBe(0.08);
  });

  test('what the estimate leaves out is said', () => {
    const cost = estimate(withChange(prod, (e) => (e.database.performanceInsightsRetentionDays = 731)));
    expect(cost.notes).toContain(
      'aws_db_instance.database_instance: Performance Insights retention of 731 days is billed and not estimated',
    );
  });
});

/**
 * The monthly cost estimate, line by line, from the synthesized resources and the price table.
 */
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { estimateCost, estimateMediaCost } from '../review/cost';
import {
  automatedBackupReplicationUsd,
  copyJobR2Operations,
  recoveryPointGiB,
  runsPerMonth,
} from '../review/data-protection-cost';
import { synthEnvironment, withChange } from './support/synth';

const synthesized = (env = dev) => ({ config: env, stack: synthEnvironment(env) });
const estimate = (env = dev) => estimateCost(synthesized(env));

describe('cost estimate', () => {
  test('dev: db.t3.micro, 20 GiB gp3, one key, one secret, recovery points in the region, 1 GiB of logs, its alarms', () => {
    const cost = estimate(dev);
    expect(cost.lines.map((l) => [l.item, l.usd])).toEqual([
      ['RDS db.t3.micro', 13.14],
      ['gp3 storage', 2.3],
      ['Secrets Manager (master secret)', 0.4],
      ['KMS customer-managed keys', 1],
      ['AWS Backup recovery points (us-east-1)', 0.36],
      ['CloudWatch Logs ingestion', 0.5],
      ['CloudWatch alarms', 0.1],
      ['CloudWatch dashboards', 0],
      ['SNS alert emails', 0],
    ]);
    expect(cost.databaseUsd).toBe(17.8);
    expect(cost.withinBudget).toBe(false);
  });

  test('prod fits its $72.50 budget single-AZ, with recovery points in both regions', () => {
    const cost = estimate(prod);
    expect(cost.lines.filter((l) => /KMS|AWS Backup/.test(l.item)).map((l) => [l.item, l.usd])).toEqual([
      ['KMS customer-managed keys', 2],
      ['AWS Backup recovery points (us-east-1)', 4.05],
      ['AWS Backup recovery points (us-west-2)', 4.05],
      ['AWS Backup cross-region copy transfer', 0.12],
    ]);
    // 10 GiB full + 13 × 0.2 GiB daily + 5 × min(10, 6) GiB monthly
    expect(recoveryPointGiB({ config: prod, stack: {} }, 14, 180)).toBeCloseTo(42.6);
    expect(cost.databaseUsd).toBe(70.38);
    expect(cost.databaseBudgetUsd).toBe(72.5);
    expect(cost.withinBudget).toBe(true);
  });

  test('the media copy in AWS, beside the budget: Standard until cold, then Glacier IR; requests, transitions, NAT, its key', () => {
    const cost = estimate(prod);
    expect(cost.mediaCopy.lines.map((l) => [l.item, l.usd])).toEqual([
      ['S3 copy, Standard', 0.12],
      ['S3 copy, Glacier Instant Retrieval', 0.38],
      ['S3 requests (copy job)', 0.08],
      ['S3 transitions to Glacier IR', 0.2],
      ['NAT gateway processing (copy job, if the cluster egresses through NAT)', 0.45],
      ['KMS key (copy bucket)', 1],
    ]);
    expect(cost.mediaCopy.usd).toBe(2.23);
    const without = estimate(withChange(dev, (e) => (e.dataProtection.mediaCopy.enabled = false)));
    expect(without.mediaCopy).toEqual({ lines: [], usd: 0 });
    expect(without.databaseUsd).toBe(estimate(dev).databaseUsd);
  });

  test('the DR storage and transfer lines follow copyToDrRegion', () => {
    const items = (env = dev) => estimate(env).lines.map((l) => l.item);
    expect(items(dev)).not.toContain('AWS Backup cross-region copy transfer');
    expect(items(dev)).not.toContain('AWS Backup recovery points (us-west-2)');
    const copying = items(withChange(dev, (e) => (e.dataProtection.backup.copyToDrRegion = true)));
    expect(copying).toContain('AWS Backup cross-region copy transfer');
    expect(copying).toContain('AWS Backup recovery points (us-west-2)');
  });

  test('the automated-backups replication left off is priced for the report', () => {
    expect(automatedBackupReplicationUsd({ config: prod, stack: {} })).toEqual({
      usd: 1.34,
      basis: '12.8 GiB × $0.095 + 6.0 GiB/month × $0.02',
    });
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
      ['R2 class A operations', '(0.56 − 1 free) M × $4.5, copy jobs included', 0],
      ['R2 class B operations', '(5.51 − 10 free) M × $0.36, copy jobs included', 0],
    ]);
    expect(account.usd).toBe(1.43);
  });

  test("each copy job lists the bucket on every run and reads the new objects: counted with its account's operations", () => {
    expect(runsPerMonth('17 2 * * *')).toBe(30);
    expect(runsPerMonth('0 */6 * * *')).toBe(120);
    // prod: 200,000 objects listed 1,000 per request, 30 runs; 10,000 new objects read
    expect(copyJobR2Operations(synthesized(prod))).toEqual({ classA: 6000, classB: 10000 });
    // Listing every 10 minutes: 200 × 4,320 = 864,000 class A operations push the account past its free million.
    const often = withChange(prod, (e) => (e.dataProtection.mediaCopy.schedule = '*/10 * * * *'));
    const [account] = estimateMediaCost([synthesized(dev), synthesized(often)]);
    const classA = account.lines.find((l) => l.item === 'R2 class A operations')!;
    expect(classA.basis).toBe('(1.41 − 1 free) M × $4.5, copy jobs included');
    expect(classA.usd).toBe(1.86);
    const [noJobs] = estimateMediaCost([
      synthesized(withChange(dev, (e) => (e.dataProtection.mediaCopy.enabled = false))),
    ]);
    expect(noJobs.lines[1].basis).toBe('(0.05 − 1 free) M × $4.5');
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

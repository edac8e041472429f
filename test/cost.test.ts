/**
 * The monthly cost estimate, line by line, from the synthesized resources and the price table.
 */
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { automatedBackupReplicationUsd, estimateCost, recoveryPointGiB, runsPerMonth } from '../review/cost';
import { synthEnvironment, withChange } from './support/synth';

const estimate = (env = dev) => estimateCost({ config: env, stack: synthEnvironment(env) });

describe('cost estimate', () => {
  test('dev: db.t3.micro, 20 GiB gp3, one key, one secret, recovery points in the region, 1 GiB of logs', () => {
    const cost = estimate(dev);
    expect(cost.lines.filter((l) => l.group === 'database').map((l) => [l.item, l.usd])).toEqual([
      ['RDS db.t3.micro', 13.14],
      ['gp3 storage', 2.3],
      ['Secrets Manager (master secret)', 0.4],
      ['KMS customer-managed keys', 1],
      ['AWS Backup recovery points (us-east-1)', 0.36],
      ['CloudWatch Logs ingestion', 0.5],
    ]);
    expect(cost.databaseUsd).toBe(17.7);
    expect(cost.withinBudget).toBe(false);
  });

  test('prod fits its $72.50 budget single-AZ, with recovery points in both regions', () => {
    const cost = estimate(prod);
    expect(
      cost.lines.filter((l) => /KMS|AWS Backup/.test(l.item)).map((l) => [l.item, l.group, l.usd]),
    ).toEqual([
      ['KMS customer-managed keys', 'database', 2],
      ['AWS Backup recovery points (us-east-1)', 'database', 4.05],
      ['AWS Backup recovery points (us-west-2)', 'database', 4.05],
      ['AWS Backup cross-region copy transfer', 'database', 0.12],
      ['KMS key (copy bucket)', 'media', 1],
    ]);
    // 10 GiB full + 13 × 0.2 GiB daily + 5 × min(10, 6) GiB monthly
    expect(recoveryPointGiB({ config: prod, stack: {} }, 14, 180)).toBeCloseTo(42.6);
    expect(cost.databaseUsd).toBe(70.28);
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

  test('R2 beyond the free tier is priced per GiB and per million operations', () => {
    const cost = estimate(prod);
    expect(cost.lines.filter((l) => l.item.startsWith('R2')).map((l) => [l.item, l.usd])).toEqual([
      ['R2 storage', 1.35],
      ['R2 class A operations', 0],
      ['R2 class B operations', 0],
    ]);
  });

  test('the media copy: Standard until cold, then Glacier IR; requests, transitions, NAT and its key', () => {
    const cost = estimate(prod);
    expect(
      cost.lines.filter((l) => l.group === 'media' && !l.item.startsWith('R2')).map((l) => [l.item, l.usd]),
    ).toEqual([
      ['S3 copy, Standard', 0.12],
      ['S3 copy, Glacier Instant Retrieval', 0.38],
      ['S3 requests (copy job)', 0.08],
      ['S3 transitions to Glacier IR', 0.2],
      ['NAT gateway processing (copy job, if the cluster egresses through NAT)', 0.45],
      ['KMS key (copy bucket)', 1],
    ]);
    expect(cost.mediaUsd).toBe(3.58);
  });

  test('the copy job lists the bucket on every run: its R2 operations are counted', () => {
    expect(runsPerMonth('17 2 * * *')).toBe(30);
    expect(runsPerMonth('0 */6 * * *')).toBe(120);
    const cost = estimate(prod);
    expect(cost.lines.find((l) => l.item === 'R2 class A operations')?.basis).toContain('0.506');
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

  test('what the estimate leaves out is said', () => {
    const cost = estimate(withChange(prod, (e) => (e.database.performanceInsightsRetentionDays = 731)));
    expect(cost.notes).toContain(
      'aws_db_instance.database_instance: Performance Insights retention of 731 days is billed and not estimated',
    );
  });
});

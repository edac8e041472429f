/**
 * The review report: what a reviewer reads for a change. The base tree is the registered environments as
 * synthesized now; the head trees carry one change each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environments } from '../environments';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { estimateCost } from '../review/cost';
import { diffStacks } from '../review/diff';
import { renderReport } from '../review/report';
import { readStacks, synthesizeTree } from '../synth/synthesized-tree';
import { withChange } from './support/synth';

const dirs: string[] = [];
function tree(envs = environments) {
  const dir = mkdtempSync(join(tmpdir(), 'lightwave-review-test-'));
  dirs.push(dir);
  return { synthesized: synthesizeTree(envs, dir), stacks: readStacks(dir) };
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const base = tree();

describe('review of a change of the prod instance class', () => {
  const larger = withChange(prod, (e) => (e.database.instanceClass = 'db.t3.large'));
  const head = tree([dev, larger]);
  const report = renderReport({ environments: head.synthesized, base: base.stacks });
  const prodChanges = report.slice(report.indexOf('### prod'), report.indexOf('## Differences'));

  test('shows the difference', () => {
    expect(prodChanges).toContain(
      '| `aws_db_instance.database_instance` | changed | instance_class: "db.t3.medium" → "db.t3.large" |',
    );
  });

  test('shows the new cost against the budget', () => {
    const cost = estimateCost(head.synthesized[1]);
    expect(cost.lines[0]).toEqual(expect.objectContaining({ item: 'RDS db.t3.large', usd: 105.85 }));
    expect(report).toContain(
      `| prod | 99 | 1 changed | 1 fail, 3 waived | $${cost.databaseUsd.toFixed(2)} / $72.50 ❌ over budget |`,
    );
    expect(report).toContain('| FAIL | LW-COST-001 [medium]');
  });

  test('reports no data-store replacement', () => {
    expect(prodChanges).toContain('- No data store is destroyed or replaced.');
    expect(report).not.toContain('DATA STORE');
  });

  test('dev is unchanged', () => {
    expect(report.slice(report.indexOf('### dev'), report.indexOf('### prod'))).toContain(
      'No resource changes.',
    );
  });
});

describe('data stores at risk', () => {
  test('a renamed bucket is a replacement of the media library', () => {
    const renamed = tree([
      dev,
      withChange(prod, (e) => (e.cloudflare.media.bucketName = 'lightwave-media-v2')),
    ]);
    const report = renderReport({ environments: renamed.synthesized, base: base.stacks });
    expect(report).toContain(
      '⚠️ **DATA STORE REPLACE**: `cloudflare_r2_bucket.media_bucket` holds the media library (changed: name)',
    );
  });

  test('a changed database identifier replaces the instance', () => {
    const head = tree([dev, withChange(prod, (e) => (e.database.identifier = 'lightwave-main'))]);
    const change = diffStacks(base.stacks.get('prod')!, head.stacks.get('prod')!).find(
      (c) => c.address === 'aws_db_instance.database_instance',
    );
    expect(change?.dataLoss).toEqual({
      effect: 'replace',
      holds: 'the PostgreSQL data',
      because: ['identifier'],
    });
  });

  test('a removed schema is a destroy', () => {
    const fewer = withChange(prod, (e) => {
      e.databaseAccess.schemas = e.databaseAccess.schemas.filter((s) => s.name !== 'cineos');
      e.databaseAccess.roles = e.databaseAccess.roles.filter((r) => r.name !== 'cineos_owner');
    });
    const head = tree([dev, fewer]);
    const changes = diffStacks(base.stacks.get('prod')!, head.stacks.get('prod')!);
    expect(changes).toContainEqual(
      expect.objectContaining({
        address: 'postgresql_schema.database_access_schema_cineos',
        kind: 'removed',
        dataLoss: { effect: 'destroy', holds: "an application's tables" },
      }),
    );
  });

  test('a rename declared with a moved block is a move, not a destroy', () => {
    const baseStack = base.stacks.get('prod')!;
    const headStack = structuredClone(baseStack);
    const bucket = headStack.resource!.cloudflare_r2_bucket.media_bucket;
    delete headStack.resource!.cloudflare_r2_bucket.media_bucket;
    headStack.resource!.cloudflare_r2_bucket.media_library = bucket;
    headStack.moved = [
      { from: 'cloudflare_r2_bucket.media_bucket', to: 'cloudflare_r2_bucket.media_library' },
    ];
    expect(diffStacks(baseStack, headStack)).toEqual([
      {
        address: 'cloudflare_r2_bucket.media_library',
        kind: 'moved',
        from: 'cloudflare_r2_bucket.media_bucket',
        attributes: [],
      },
    ]);
  });
});

describe('a restore in review', () => {
  const restored = withChange(prod, (e) => {
    e.database.identifier = 'lightwave-prod-r1';
    e.database.restore = {
      from: { pointInTime: { sourceInstance: 'lightwave-prod', time: 'latest' } },
      replaces: 'lightwave-prod',
      destroyReplacedInstance: true,
    };
  });
  const head = tree([dev, restored]);
  const report = renderReport({ environments: head.synthesized, base: base.stacks });

  test('the diff marks the instance as restored, replacing the identifier the base had', () => {
    const change = diffStacks(base.stacks.get('prod')!, head.stacks.get('prod')!).find(
      (c) => c.address === 'aws_db_instance.database_instance',
    );
    expect(change?.restore).toEqual({ replaces: 'lightwave-prod' });
    expect(change?.dataLoss?.because).toContain('identifier');
  });

  test('the report says in red that data is restored and which instance it replaces', () => {
    const line =
      '- 🔴 $\\color{red}{\\textsf{RESTORES DATA}}$ `aws_db_instance.database_instance` is created from latest restorable time of `lightwave-prod`, replacing instance **lightwave-prod** (the restored instance is **lightwave-prod-r1**)';
    const changes = report.slice(report.indexOf('### prod'), report.indexOf('## Differences'));
    expect(changes).toContain(line);
    expect(report.slice(report.indexOf('## Environment `prod`'))).toContain(line);
    expect(report).toMatch(/\| prod \| \d+ \| \d+ changed 🔴 restores data ⚠️ data store at risk/);
  });

  test('an unchanged environment shows no restore', () => {
    expect(renderReport({ environments: base.synthesized, base: base.stacks })).not.toContain(
      'RESTORES DATA',
    );
  });
});

describe('report content', () => {
  const report = renderReport({ environments: base.synthesized });

  test('per environment: diagram, resources by layer, key settings, policy, cost', () => {
    for (const name of ['dev', 'prod']) {
      const section = report.slice(report.indexOf(`## Environment \`${name}\``));
      expect(section).toContain('```mermaid\nflowchart LR');
      expect(section).toContain('pgbouncer -->|TLS require, SCRAM| rds');
      expect(section).toContain('payload -->|S3 API, bucket-scoped token| r2');
      expect(section).toContain('### Resources by layer');
      expect(section).toMatch(/\| database \| 13 \| aws_cloudwatch_log_group ×2/);
      expect(section).toContain('### Key settings');
      expect(section).toMatch(/### Policy: \d+ pass, 0 fail, 3 waived/);
      expect(section).toMatch(/### Cost: database \$\d+\.\d\d\/month against a budget/);
      expect(section).toMatch(/### Data protection: \$\d+\.\d\d\/month/);
      expect(section).toContain('| daily (`cron(0 5 ? * * *)` UTC) | us-east-1: ');
      expect(section).toContain('No R2 bucket lock');
    }
  });

  test('dev ↔ prod differences list what differs and only that', () => {
    const differences = report.slice(report.indexOf('## Differences'), report.indexOf('## Environment'));
    expect(differences).toContain('| RDS instance class | db.t3.micro | db.t3.medium |');
    expect(differences).toContain('| R2 bucket | lightwave-media-dev | lightwave-media |');
    expect(differences).not.toContain('| publicly accessible |');
  });

  test('waivers show their reason and expiry', () => {
    expect(report).toContain(
      '| WAIVED | LW-RDS-006 [medium] Production RDS runs Multi-AZ — aws_db_instance.database_instance | until 2027-03-31: Single-AZ',
    );
    expect(report).toContain('❌ over budget, waived until 2027-03-31');
  });
});

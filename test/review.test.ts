/**
 * The review report of fixed base/head pairs, read as a reviewer reads it: rendered with a GFM library, one
 * environment's part at a time (from its heading to the next environment's or the shared sections), so nothing in
 * prod's part can satisfy an assertion about dev's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import type { EnvironmentConfig } from '../environments/config';
import { MAX_LINE_WIDTH } from '../review/markdown';
import { planFromConfig } from '../review/planned-from-config';
import { REPORT_MARKER, renderComment, renderReport, type ReportInput } from '../review/report';
import { readStacks, synthesizeReviewedStacks } from '../synth/synthesized-tree';
import type { TerraformJson } from '../synth/terraform-json';
import { visibleText } from './support/rendered-markdown';
import { synthEnvironment, withChange, writeCachedTree } from './support/synth';

const base = new Map<string, TerraformJson>([
  ['dev', synthEnvironment(dev)],
  ['prod', synthEnvironment(prod)],
]);

/** The report of `heads` (dev and prod, either changed) against the registered environments. */
function review(
  heads: { dev?: EnvironmentConfig; prod?: EnvironmentConfig } = {},
  extra: Partial<ReportInput> = {},
) {
  const envs = [heads.dev ?? dev, heads.prod ?? prod].map((config) => ({
    config,
    stack: config === dev || config === prod ? base.get(config.name)! : synthEnvironment(config),
  }));
  return renderReport({ environments: envs, base, ...extra });
}

/** One environment's part of a report: its heading up to the next environment heading or the shared sections. */
function part(report: string, env: string): string {
  const lines = report.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## \`${env}\``));
  if (start < 0) throw new Error(`no section for ${env}`);
  const end = lines.findIndex((l, i) => i > start && (l.startsWith('## ') || l === '---'));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The verdict of an environment (its part before the folded sections), as rendered text. */
const verdictText = (report: string, env: string) => visibleText(part(report, env).split('<details>')[0]);

/** One folded section of an environment's part, found by the start of its summary; undefined when left out. */
function folded(report: string, env: string, summary: string): string | undefined {
  const start = part(report, env).indexOf(`<details><summary>${summary}`);
  if (start < 0) return undefined;
  const rest = part(report, env).slice(start);
  return rest.slice(0, rest.indexOf('</details>') + '</details>'.length);
}

describe('prod instance class db.t3.medium → db.t3.large', () => {
  const report = review({ prod: withChange(prod, (e) => (e.database.instanceClass = 'db.t3.large')) });
  const verdict = verdictText(report, 'prod');

  test('counts the update, the alarms that follow the class, and says when it applies and what it costs in downtime', () => {
    // The instance, 6 alarms that follow the class (memory, swap, credits, CPU baseline, EBS) and the dashboard; the
    // connections alarm stays: it follows the pinned max_connections, not the class.
    expect(verdict).toContain('prod — 🟠 outage, minutes in the maintenance window — 8 to update');
    expect(verdict).toContain(
      'aws_db_instance.database_instance: instance_class applies in the next maintenance window sun:04:00-sun:05:00 (UTC), ' +
        'not at deploy (apply_immediately is off), with an outage: the single-AZ instance is unavailable while it restarts',
    );
    expect(verdict).toContain(
      'max_connections stays 400 (pinned in the parameter group); the class holds up to 405 → 811',
    );
  });

  test('states the cost before → after with the delta, and names the rule that now fails', () => {
    expect(verdict).toContain(
      'Cost: database $70.38 → $123.67/month (+$53.29, +76%), budget $72.50 💸 over budget',
    );
    expect(verdict).toMatch(
      /Policy: ❌ policy failure — npm test fails until fixed or waived; 1 failing: LW-COST-001 .*\$123\.67\/month > budget \$72\.50\) — new/,
    );
  });

  test('states the capacity the class moves', () => {
    expect(verdict).toContain(
      'Capacity: instance class db.t3.medium → db.t3.large (the class holds up to 405 → 811 connections)',
    );
  });

  test('shows the leaf that changed, and dev has nothing to say', () => {
    expect(visibleText(part(report, 'prod'))).toContain('instance_class: "db.t3.medium" → "db.t3.large"');
    expect(part(report, 'dev')).toBe('## `dev` — no infrastructure change\n');
    expect(report.split('\n')[2]).toBe(
      '# Infrastructure review — prod: 🟠 outage, minutes in the maintenance window — 8 to update',
    );
  });
});

describe('dev bucket lightwave-media-dev → lightwave-media-dev2', () => {
  const report = review({
    dev: withChange(dev, (e) => (e.cloudflare.media.bucketName = 'lightwave-media-dev2')),
  });
  const verdict = verdictText(report, 'dev');

  test('the bucket is replaced by an empty one, and R2 refuses to delete the old one while it holds objects', () => {
    expect(verdict).toContain('dev — 🔴 data loss, until someone acts — 6 to update, 5 to replace');
    expect(verdict).toContain(
      'cloudflare_r2_bucket.media_bucket: name forces replacement — replaces bucket lightwave-media-dev with a new, empty ' +
        'lightwave-media-dev2: nothing copies the objects. R2 deletes only empty buckets',
    );
  });

  test('the CDN custom domain, removed before the bucket delete that stops the apply, stays down until someone acts', () => {
    expect(verdict).toContain(
      '🟠 outage, until someone acts cloudflare_r2_custom_domain.cdn_custom_domain: bucket_name (from ' +
        'cloudflare_r2_bucket.media_bucket.name) forces replacement — removes the CDN custom domain ' +
        'cdn-dev.lightwave-media.site before deleting bucket lightwave-media-dev: that delete fails while the bucket holds ' +
        'objects and the apply stops there, so media under cdn-dev.lightwave-media.site is down until someone empties the ' +
        'old bucket and runs the apply again',
    );
    expect(verdict).not.toContain('brief');
    expect(verdict).toContain(
      'replacement (deleted, then created): cloudflare_r2_bucket_cors.media_cors, cloudflare_r2_bucket_lifecycle.media_lifecycle, ' +
        'cloudflare_r2_managed_domain.media_r2_dev_url',
    );
  });

  test('says Payload must be restarted, after the apply, to read the new bucket name', () => {
    expect(verdict).toContain(
      'Secret payload-cms/payload-env changes, and pods read it only at start: restart the workloads of payload-cms',
    );
    expect(verdict).toContain(
      'data.S3_BUCKET names "lightwave-media-dev2", which cloudflare_r2_bucket.media_bucket creates',
    );
  });

  test('the leaves are shown one by one, the token policy with its "*" literally', () => {
    const leaves = visibleText(part(report, 'dev'));
    expect(leaves).toContain('data.S3_BUCKET: "lightwave-media-dev" → "lightwave-media-dev2"');
    expect(leaves).toContain(
      'policies[0].resources: …ve-media-dev\\":\\"*\\"}" → …ve-media-dev2\\":\\"*\\"}"',
    );
  });

  test('prod is untouched', () => {
    expect(part(report, 'prod')).toBe('## `prod` — no infrastructure change\n');
  });
});

describe('prod bucket lightwave-media → lightwave-media-v2', () => {
  const report = review({
    prod: withChange(prod, (e) => (e.cloudflare.media.bucketName = 'lightwave-media-v2')),
  });
  const verdict = verdictText(report, 'prod');

  test('says the plan will fail on prevent_destroy, in the title and in the verdict', () => {
    expect(report.split('\n')[2]).toBe(
      '# Infrastructure review — prod: ⛔ the plan fails — 6 to update, 5 to replace',
    );
    expect(verdict).toContain(
      'cloudflare_r2_bucket.media_bucket: name forces replacement, but prevent_destroy is set: the plan will fail, and ' +
        'nothing in prod applies until this is resolved.',
    );
  });

  test('dev is untouched', () => {
    expect(part(report, 'dev')).toBe('## `dev` — no infrastructure change\n');
  });
});

describe('prod CDN hostname cdn.lightwave-media.site → media.lightwave-media.site', () => {
  const report = review({
    prod: withChange(prod, (e) => (e.cloudflare.cdn.domain = 'media.lightwave-media.site')),
  });
  const verdict = verdictText(report, 'prod');

  test('the old hostname is gone for good: an outage that is permanent, in the heading and the verdict', () => {
    expect(verdict).toMatch(/^prod — 🟠 outage, permanent — /);
    expect(verdict).toContain(
      '🟠 outage, permanent cloudflare_r2_custom_domain.cdn_custom_domain: domain forces replacement — moves the CDN ' +
        'from cdn.lightwave-media.site to media.lightwave-media.site: the old hostname is gone for good, so every ' +
        'published media URL under it',
    );
    expect(verdict).not.toContain('brief');
  });
});

describe('prod PgBouncer pool 40 → 30', () => {
  const report = review({ prod: withChange(prod, (e) => (e.cluster.pgbouncer.defaultPoolSize = 30)) });
  const verdict = verdictText(report, 'prod');

  test('the verdict states the connection budget as one fact, before → after', () => {
    expect(verdict).toContain(
      'Capacity: server connections needed / available 315 / 345 (91%) → 255 / 345 (74%); per login role and ' +
        'replica 52 → 42 (pool + reserve + session)',
    );
  });

  test('every changed line of pgbouncer.ini and of the alert rules is shown, none cut', () => {
    const changes = visibleText(folded(report, 'prod', 'What changes') ?? '');
    expect(changes).toContain('data["pgbouncer.ini"]: 4 changed lines');
    expect(changes).toContain('default_pool_size = 40 → default_pool_size = 30');
    expect(changes).toContain(
      'payload_user = max_user_connections=52 → payload_user = max_user_connections=42',
    );
    expect(changes).toContain('data["lightwave-platform.rules.yml"]: 2 changed lines');
    const lineItems = (folded(report, 'prod', 'What changes') ?? '')
      .split('\n')
      .filter((l) => l.startsWith('    - '));
    expect(lineItems.length).toBe(6);
    expect(lineItems.filter((l) => l.includes('chars)'))).toEqual([]);
  });
});

describe('prod storage 40 → 120 GiB: over the budget, so LW-COST-001 fails', () => {
  const report = review({ prod: withChange(prod, (e) => (e.database.allocatedStorageGiB = 120)) });
  const verdict = verdictText(report, 'prod');

  test('is headed by the policy failure, not ℹ️: npm test fails', () => {
    expect(verdict).toMatch(/^prod — ❌ policy failure — \d+ to update /);
    expect(verdict).toContain('budget $72.50 💸 over budget');
    expect(verdict).toContain(
      'Policy: ❌ policy failure — npm test fails until fixed or waived; 1 failing: LW-COST-001',
    );
  });
});

describe('knock-on effects and outcomes', () => {
  test('a removed schema is dropped with RESTRICT: the apply fails while it holds tables', () => {
    const fewer = withChange(prod, (e) => {
      e.databaseAccess.schemas = e.databaseAccess.schemas.filter((s) => s.name !== 'cineos');
      e.databaseAccess.roles = e.databaseAccess.roles.filter((r) => r.name !== 'cineos_owner');
    });
    const verdict = verdictText(review({ prod: fewer }), 'prod');
    expect(verdict).toContain(
      'postgresql_schema.database_access_schema_cineos: drops schema cineos: RESTRICT, so the apply fails while it still holds tables',
    );
    expect(verdict).toContain('postgresql_role.database_access_role_cineos_owner: drops role cineos_owner');
  });

  test('a changed PgBouncer pool rolls PgBouncer through its checksum annotation', () => {
    const verdict = verdictText(
      review({ prod: withChange(prod, (e) => (e.cluster.pgbouncer.defaultPoolSize = 30)) }),
      'prod',
    );
    expect(verdict).toContain(
      'kubernetes_deployment_v1.cluster_pgbouncer_deployment: rolling restart of shared/pgbouncer (its pod template reads ' +
        'kubernetes_config_map_v1.cluster_pgbouncer_config.data)',
    );
    expect(verdict).not.toContain('restart the workloads of shared');
  });

  test('a replaced KMS key replaces the database through its unknown ARN, and prevent_destroy blocks it', () => {
    const stack = structuredClone(base.get('prod')!);
    stack.resource!.aws_kms_key.database_kms_key.customer_master_key_spec = 'SYMMETRIC_DEFAULT';
    const report = renderReport({ environments: [{ config: prod, stack }], base });
    const verdict = verdictText(report, 'prod');
    expect(verdict).toContain(
      'aws_db_instance.database_instance: kms_key_id (from aws_kms_key.database_kms_key.arn) forces replacement, but ' +
        'prevent_destroy is set: the plan will fail',
    );
    expect(verdict).toContain(
      'aws_kms_key.database_kms_key: customer_master_key_spec forces replacement, but prevent_destroy',
    );
  });

  test('a block removed from the configuration is not protected by its prevent_destroy', () => {
    const stack = structuredClone(base.get('prod')!);
    delete stack.resource!.cloudflare_r2_bucket;
    const verdict = verdictText(renderReport({ environments: [{ config: prod, stack }], base }), 'prod');
    expect(verdict).toContain(
      'cloudflare_r2_bucket.media_bucket: deletes bucket lightwave-media. R2 deletes only empty buckets',
    );
    expect(verdict).toContain(
      'prevent_destroy does not protect it: the block is removed from the configuration',
    );
  });

  test('a static parameter waits for a reboot Terraform does not do; apply_immediately moves the class change to deploy', () => {
    const stack = structuredClone(base.get('dev')!);
    const group = stack.resource!.aws_db_parameter_group.database_parameter_group;
    (group.parameter as { name: string; value: string }[]).find(
      (p) => p.name === 'shared_preload_libraries',
    )!.value = 'pg_stat_statements,auto_explain';
    Object.assign(stack.resource!.aws_db_instance.database_instance, {
      apply_immediately: true,
      instance_class: 'db.t3.small',
      engine_version: '15.10',
      storage_type: 'io2',
    });
    const verdict = verdictText(renderReport({ environments: [{ config: dev, stack }], base }), 'dev');
    expect(verdict).toContain(
      'parameter shared_preload_libraries: pg_stat_statements → pg_stat_statements,auto_explain takes effect only at the ' +
        'next reboot of the instance — Terraform does not reboot: schedule one',
    );
    expect(verdict).toContain('instance_class applies at cdktf deploy, with an outage');
    expect(verdict).toContain(
      'engine_version applies at cdktf deploy, with an outage while the engine is upgraded',
    );
    expect(verdict).toContain(
      'storage_type applies at cdktf deploy, with possibly a brief outage as it starts',
    );
  });

  test('a rename declared with a moved block is a move, not a destroy', () => {
    const stack = structuredClone(base.get('prod')!);
    const buckets = stack.resource!.cloudflare_r2_bucket;
    buckets.media_library = buckets.media_bucket;
    delete buckets.media_bucket;
    stack.moved = [{ from: 'cloudflare_r2_bucket.media_bucket', to: 'cloudflare_r2_bucket.media_library' }];
    const report = renderReport({ environments: [{ config: prod, stack }], base });
    // The hand-moved bucket leaves its CORS and lifecycle naming the old address, which policy rules flag.
    expect(verdictText(report, 'prod')).toMatch(/^prod — ❌ policy failure — 1 to move /);
    expect(visibleText(part(report, 'prod'))).toContain(
      'cloudflare_r2_bucket.media_library — moved from cloudflare_r2_bucket.media_bucket',
    );
  });
});

describe('a restore in review: a red note in the verdict naming the instance it replaces', () => {
  const restoring = (
    env: EnvironmentConfig,
    identifier: string,
    from: NonNullable<EnvironmentConfig['database']['restore']>['from'],
  ) =>
    withChange(env, (e) => {
      const replaces = e.database.identifier;
      e.database.identifier = identifier;
      e.database.restore = { from, replaces, destroyReplacedInstance: true };
    });

  describe('prod to the latest restorable time, under a new identifier', () => {
    const report = review({
      prod: restoring(prod, 'lightwave-prod-r1', {
        pointInTime: { sourceInstance: 'lightwave-prod', time: 'latest' },
      }),
    });
    const verdict = verdictText(report, 'prod');

    test('says in red that data is restored, replacing which instance, in which order; the logs stay', () => {
      expect(verdict).toMatch(/^prod — 🔴 /);
      expect(verdict).toContain(
        '🔴 data loss aws_db_instance.database_instance: restores data from the latest restorable time of lightwave-prod, ' +
          'replacing instance lightwave-prod: the restored lightwave-prod-r1 is created first (PgBouncer is pointed at ' +
          'it in the same apply), then lightwave-prod is deleted. Writes made to lightwave-prod after the restore point ' +
          'are not in the restored instance. Its log groups leave the Terraform state and keep their logs (skip_destroy) ' +
          'until their retention expires.',
      );
    });

    test("the instance's own outcome: restored, not empty; deletion protection stops the delete of the old one", () => {
      expect(verdict).toContain(
        'replaces database instance lightwave-prod: the new instance is restored from the latest restorable time of ' +
          'lightwave-prod. RDS refuses while deletion_protection is on: the apply fails there',
      );
      expect(verdict).not.toContain('starts empty');
    });

    test('the vaults and their recovery points stay; only the selection follows the new instance', () => {
      expect(verdict).not.toContain('backup vault');
      expect(verdict).toContain('aws_backup_selection.data_protection_selection');
      expect(verdict).not.toContain('the plan will fail');
    });

    test('the data protection section shows what a restore takes; dev has nothing to say', () => {
      const section = visibleText(folded(report, 'prod', 'Data protection') ?? '');
      expect(section).toContain('Point-in-time restore in us-east-1: any second of the last 14 days');
      expect(part(report, 'dev')).toBe('## `dev` — no infrastructure change\n');
    });
  });

  test('dev to a new identifier: its log groups are deleted with their logs, and the note says so', () => {
    const report = review({
      dev: restoring(dev, 'lightwave-dev-r1', {
        pointInTime: { sourceInstance: 'lightwave-dev', time: 'latest' },
      }),
    });
    expect(verdictText(report, 'dev')).toContain(
      'Its log groups are deleted with their logs: copy them out first if you need them (docs/restore-a-database.md).',
    );
  });

  test('dev from a recovery point over the live identifier: deleted first, down until the restore is available', () => {
    const verdict = verdictText(
      review({
        dev: restoring(dev, 'lightwave-dev', {
          snapshot: 'awsbackup:job-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
        }),
      }),
      'dev',
    );
    expect(verdict).toContain(
      'restores data from snapshot awsbackup:job-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, replacing instance lightwave-dev: ' +
        'under the same identifier: lightwave-dev is deleted first, and the database is down until the restored ' +
        'instance is available.',
    );
    expect(verdict).not.toContain('log groups');
  });

  test('removing the restore block after the restore changes nothing (ignore_changes): no red note', () => {
    const restored = restoring(dev, 'lightwave-dev-r1', {
      pointInTime: { sourceInstance: 'lightwave-dev', time: 'latest' },
    });
    const cleaned = withChange(restored, (e) => delete e.database.restore);
    const [baseStack, headStack] = [synthEnvironment(restored), synthEnvironment(cleaned)];
    const instance = planFromConfig(baseStack, headStack).find((c) => c.type === 'aws_db_instance')!;
    expect(instance.action).toBe('none');
    expect(instance.leaves.filter((l) => l.ignored).map((l) => l.path[0])).toEqual([
      'restore_to_point_in_time',
      'restore_to_point_in_time',
    ]);
    const report = renderReport({
      environments: [{ config: cleaned, stack: headStack }],
      base: new Map([['dev', baseStack]]),
    });
    expect(verdictText(report, 'dev')).toBe('dev — no infrastructure change');
  });
});

describe('data protection in review', () => {
  test('an inventory shows, per environment, where backups go, how long they are kept and what it costs', () => {
    const report = renderReport({
      environments: [
        { config: dev, stack: base.get('dev')! },
        { config: prod, stack: base.get('prod')! },
      ],
    });
    const prodSection = visibleText(folded(report, 'prod', 'Data protection') ?? '');
    expect(prodSection).toContain(
      'AWS Backup plan prod-database selects the instance; vaults on customer-managed keys, a compliance lock (permanent after 7 days).',
    );
    expect(prodSection).toContain('daily (cron(0 5 ? * * *) UTC) us-east-1: 14 days us-west-2: 14 days');
    expect(prodSection).toContain('Data protection costs $10.45/month');
    expect(prodSection).toContain('AWS Backup recovery points (us-west-2)');
    expect(prodSection).toContain('No R2 bucket lock');
    const devSection = visibleText(folded(report, 'dev', 'Data protection') ?? '');
    expect(devSection).toContain('daily (cron(0 5 ? * * *) UTC) us-east-1: 7 days —');
    expect(devSection).toContain('no vault lock');
  });

  test('left out when the change does not touch it', () => {
    const report = review({ prod: withChange(prod, (e) => (e.database.instanceClass = 'db.t3.large')) });
    expect(folded(report, 'prod', 'Data protection')).toBeUndefined();
  });

  test('a longer retention: the section with the cost before, the vault marked in the diagram', () => {
    const report = review({
      prod: withChange(prod, (e) => (e.dataProtection.backup.daily.retentionDays = 21)),
    });
    expect(visibleText(folded(report, 'prod', 'Data protection') ?? '')).toMatch(
      /Data protection costs \$\d+\.\d\d\/month \(was \$10\.45\)/,
    );
    expect(part(report, 'prod')).toContain('class vault changed');
  });

  test("the media copy's cost moves in the verdict, outside the budget", () => {
    const verdict = verdictText(
      review({ prod: withChange(prod, (e) => (e.dataProtection.mediaCopy.coldStorageAfterDays = 90)) }),
      'prod',
    );
    expect(verdict).toMatch(/media copy in AWS \$2\.23 → \$\d+\.\d\d\/month \(outside the budget\)/);
  });

  test('a vault replaced in dev fails while it holds recovery points; in prod prevent_destroy fails the plan', () => {
    const devStack = structuredClone(base.get('dev')!);
    devStack.resource!.aws_backup_vault.data_protection_primary_vault.name = 'dev-database-backups-2';
    expect(
      verdictText(renderReport({ environments: [{ config: dev, stack: devStack }], base }), 'dev'),
    ).toContain(
      'aws_backup_vault.data_protection_primary_vault: name forces replacement — replaces backup vault ' +
        'dev-database-backups: AWS Backup deletes only an empty vault, so while it holds recovery points the apply ' +
        'fails there; the new vault starts empty',
    );
    const prodStack = structuredClone(base.get('prod')!);
    prodStack.resource!.aws_backup_vault.data_protection_dr_vault.name = 'prod-database-backups-dr-2';
    expect(
      verdictText(renderReport({ environments: [{ config: prod, stack: prodStack }], base }), 'prod'),
    ).toContain(
      'aws_backup_vault.data_protection_dr_vault: name forces replacement, but prevent_destroy is set: the plan will fail',
    );
  });

  test('the media copy bucket renamed in dev: a new, empty bucket, and S3 keeps the old one while it holds objects', () => {
    const verdict = verdictText(
      review({
        dev: withChange(dev, (e) => (e.dataProtection.mediaCopy.bucketName = 'lightwave-media-copy-dev-2')),
      }),
      'dev',
    );
    expect(verdict).toContain(
      'aws_s3_bucket.data_protection_media_copy_bucket: bucket forces replacement — replaces bucket ' +
        'lightwave-media-copy-dev-111111111111 with a new, empty lightwave-media-copy-dev-2: nothing copies the objects. ' +
        'S3 deletes only an empty bucket (every version counts): while it holds objects the apply fails there',
    );
  });
});

describe('environments added and removed', () => {
  test('a new environment: everything is created, nothing is at risk', () => {
    const report = renderReport({
      environments: [{ config: dev, stack: base.get('dev')! }],
      base: new Map(),
    });
    expect(verdictText(report, 'dev')).toMatch(
      /^dev — \d+ to create create update replace destroy move \d+ 0 0 0 0/,
    );
    expect(report).toContain('<summary>Resources by layer');
  });

  test('a stack the change no longer synthesizes is called out: nothing deploys or destroys it any more', () => {
    const report = renderReport({ environments: [{ config: dev, stack: base.get('dev')! }], base });
    expect(visibleText(report)).toContain(
      '⚠️ stack prod is no longer synthesized: cdktf deploy will not touch it, and its resources stay until someone runs ' +
        'cdktf destroy prod from the base branch',
    );
  });
});

describe('values from config render literally in the report', () => {
  test('a value with *, _, | and a URL is one code span: no emphasis, link or extra cell', () => {
    const value = 'https://cdn.example.com/a_b*c*|d_e_';
    const stack = structuredClone(base.get('prod')!);
    (stack.resource!.kubernetes_secret_v1.cluster_payload_env.data as Record<string, string>).CDN_BASE_URL =
      value;
    const report = renderReport({ environments: [{ config: prod, stack }], base });
    const changes = part(report, 'prod');
    expect(visibleText(changes)).toContain(
      `data.CDN_BASE_URL: "https://cdn.lightwave-media.site" → "${value}"`,
    );
    expect(changes).not.toMatch(/<(em|strong|a) /);
  });

  test('secret values are masked', () => {
    const stack = structuredClone(base.get('prod')!);
    (stack.resource!.kubernetes_secret_v1.cluster_django_env.data as Record<string, string>).DB_PASSWORD =
      'hunter2';
    const report = renderReport({ environments: [{ config: prod, stack }], base });
    expect(visibleText(part(report, 'prod'))).toContain('data.DB_PASSWORD: (sensitive) → (sensitive)');
    expect(report).not.toContain('hunter2');
  });
});

describe('shape of the report', () => {
  const examples = {
    unchanged: review(),
    instanceClass: review({ prod: withChange(prod, (e) => (e.database.instanceClass = 'db.t3.large')) }),
    bucketRename: review({
      dev: withChange(dev, (e) => (e.cloudflare.media.bucketName = 'lightwave-media-dev2')),
    }),
    failedTests: review(
      {},
      { tests: 'failure', runUrl: 'https://github.com/lightwave/platform/actions/runs/123456789' },
    ),
    inventory: renderReport({
      environments: [
        { config: dev, stack: base.get('dev')! },
        { config: prod, stack: base.get('prod')! },
      ],
    }),
  };

  test.each(Object.entries(examples))(
    `no line of the %s report is wider than ${MAX_LINE_WIDTH}`,
    (_name, report) => {
      const wide = report.split('\n').filter((l) => l.length > MAX_LINE_WIDTH);
      expect(wide).toEqual([]);
    },
  );

  // <summary> is raw HTML: a Markdown escape in it shows literally (the inventory folds every section, amounts too).
  test.each(Object.entries(examples))(
    'no <summary> of the %s report shows a backslash before $',
    (_name, report) => {
      const summaries = [...report.matchAll(/<summary>(.*?)<\/summary>/g)].map((m) => m[1]);
      expect(summaries.filter((summary) => /\\\$/.test(summary))).toEqual([]);
    },
  );

  test('the inventory folds amounts into its summaries', () => {
    expect(examples.inventory).toMatch(/<summary>[^<]*\$\d/);
  });

  test('an unchanged PR gets a short "no infrastructure change" report', () => {
    expect(examples.unchanged).toBe(
      [
        REPORT_MARKER,
        '',
        '# Infrastructure review: no infrastructure change',
        '',
        '## `dev` — no infrastructure change',
        '',
        '## `prod` — no infrastructure change',
        '',
      ].join('\n'),
    );
  });

  test('unchanged parts are folded: only the verdicts are open', () => {
    const open = examples.instanceClass.replace(/<details>[\s\S]*?<\/details>/g, '');
    const lines = (markdown: string) => markdown.split('\n').filter((l) => l.trim() !== '').length;
    expect(lines(open)).toBeLessThan(30);
    expect(lines(open) * 4).toBeLessThan(lines(examples.instanceClass));
    expect(examples.instanceClass).toContain('<details><summary>Diagram (changed parts marked ✎)</summary>');
    expect(examples.instanceClass).toContain('class rds changed');
    expect(examples.instanceClass).not.toContain('Media (R2) cost');
  });

  test('failed tests are said first; the report is still written', () => {
    const report = review({}, { tests: 'failure', runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(visibleText(report.split('\n## ')[0])).toBe(
      'Infrastructure review: no infrastructure change ❌ npm test failed on this commit (run): the checks below describe ' +
        'the configuration as synthesized, but it must not merge until the tests pass.',
    );
  });

  test('over the comment limit, the comment keeps the verdicts and points to the full report', () => {
    const input: ReportInput = {
      environments: [
        {
          config: dev,
          stack: synthEnvironment(withChange(dev, (e) => (e.cloudflare.media.bucketName = 'x-media'))),
        },
        { config: prod, stack: base.get('prod')! },
      ],
      base,
      runUrl: 'https://github.com/o/r/actions/runs/2',
    };
    const full = renderReport(input);
    const comment = renderComment(input, 5_000);
    expect(full.length).toBeGreaterThan(5_000);
    expect(comment.length).toBeLessThanOrEqual(5_000);
    expect(comment).toContain(
      "is over GitHub's comment limit: read it in the job summary or the `review-report` artifact",
    );
    expect(comment).toContain('## `dev` — 🔴');
    expect(comment).not.toContain('<details>');
    expect(renderComment(input)).toBe(full);
  });
});

describe('a change to a per-account bootstrap stack (the deploy role gains an action)', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'lightwave-review-bootstrap-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  synthesizeReviewedStacks([dev, prod], join(outdir, 'base'), writeCachedTree);
  const baseStacks = readStacks(join(outdir, 'base'));
  const headDev = withChange(dev, (e) => {
    e.delivery.deployRole.serviceActions = [...e.delivery.deployRole.serviceActions, 'rds:RebootDBInstance'];
  });
  const head = synthesizeReviewedStacks([headDev, prod], join(outdir, 'head'), writeCachedTree);
  const report = renderReport({ environments: head, base: baseStacks });

  test('is reviewed under its own stack name, not reported as a stack that went away', () => {
    expect(head.map((e) => e.stackName ?? e.config.name)).toEqual([
      'dev',
      'prod',
      'bootstrap-dev',
      'bootstrap-prod',
    ]);
    expect(report).not.toContain('no longer synthesized');
    expect(verdictText(report, 'bootstrap-dev')).toMatch(/bootstrap-dev — .*1 to update/);
    expect(visibleText(part(report, 'bootstrap-dev'))).toContain('rds:RebootDBInstance');
    expect(part(report, 'bootstrap-prod')).toBe('## `bootstrap-prod` — no infrastructure change\n');
  });
});

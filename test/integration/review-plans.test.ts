/**
 * The review against the real hashicorp/aws provider, offline: the AWS part of dev is planned from a state
 * simulated from the base (no refresh, no API call), so the provider itself says what it would update or replace.
 *
 * - The simulated state is the base as deployed: simulateState returns only once planning the base against it is
 *   empty, and every expectation below would differ if it were not.
 * - The AWS rows of the replace-forcing table (review/replace-forcing.ts) agree with the provider's `replace_paths`
 *   both ways: every attribute changed below is in the table exactly when the provider forces replacement for it.
 * - A real plan (`terraform show -json`) given to the review becomes its verdict, with the configuration diff as the
 *   explanation, through the library and through the CLI (`--plan dev=<file>`).
 *
 * @slow ~160 s on a cold CI machine: terraform init and plans of every environment with the real AWS provider.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dev } from '../../environments/dev';
import { environments } from '../../environments';
import { awsCheckLine, checkAgainstState, comparableAwsPart, type AwsCheck } from '../../review/aws-check';
import { planFromConfig } from '../../review/planned-from-config';
import { planFromPlanJson } from '../../review/planned-from-plan';
import { replaceForcing } from '../../review/replace-forcing';
import { renderReport } from '../../review/report';
import { OfflinePlanSession } from '../../review/terraform/offline-plan';
import { simulateState, type SimulatedState } from '../../review/terraform/simulated-state';
import type { PlanJson } from '../../synth/plan-json';
import { synthesizeApp } from '../../synth/app-writer';
import { synthesizeTree } from '../../synth/synthesized-tree';
import type { TerraformJson } from '../../synth/terraform-json';
import { visibleText } from '../support/rendered-markdown';
import { compiledReviewCli } from '../support/review-cli';
import { synthEnvironment, withChange } from '../support/synth';
import { toolchainOrSkip } from '../support/toolchain-or-skip';

const toolchain = toolchainOrSkip('5.100.0');
const describeOffline = toolchain ? describe : describe.skip;
jest.setTimeout(20 * 60_000);

const OTHER_KEY = 'arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000';

/** Changes per resource: every attribute dev sets, and the replace-forcing ones it leaves to their defaults. */
const changes: Record<string, Record<string, unknown>> = {
  'aws_cloudwatch_log_group.database_log_postgresql': {
    name: '/aws/rds/instance/other/postgresql',
    retention_in_days: 60,
    kms_key_id: OTHER_KEY,
  },
  'aws_backup_plan.data_protection_plan': { name: 'other-plan' },
  'aws_backup_selection.data_protection_selection': {
    condition: [{ string_equals: [{ key: 'aws:ResourceTag/Environment', value: 'dev' }] }],
    iam_role_arn: 'arn:aws:iam::111111111111:role/other',
    name: 'other-selection',
    not_resources: ['arn:aws:rds:us-east-1:111111111111:db:other-excluded'],
    plan_id: 'other-plan-id',
    resources: ['arn:aws:rds:us-east-1:111111111111:db:other'],
    selection_tag: [{ type: 'STRINGEQUALS', key: 'Backup', value: 'yes' }],
  },
  'aws_backup_vault.data_protection_primary_vault': {
    force_destroy: true,
    kms_key_arn: OTHER_KEY,
    name: 'other-vault',
  },
  'aws_backup_vault_lock_configuration.data_protection_primary_lock': {
    backup_vault_name: 'other-vault',
    changeable_for_days: 3,
    max_retention_days: 200,
    min_retention_days: 2,
  },
  'aws_db_instance.database_instance': {
    // The restore attributes are ignored without database.restore (stacks/database-restore.ts): lift that here.
    lifecycle: {},
    snapshot_identifier: 'other-snapshot',
    allocated_storage: 30,
    availability_zone: 'us-east-1a',
    backup_retention_period: 14,
    ca_cert_identifier: 'rds-ca-ecc384-g1',
    character_set_name: 'UTF8',
    custom_iam_instance_profile: 'AWSRDSCustomOther',
    db_name: 'other_db',
    deletion_protection: true,
    engine: 'mysql',
    engine_version: '16',
    identifier: 'lightwave-other',
    instance_class: 'db.t3.small',
    kms_key_id: OTHER_KEY,
    maintenance_window: 'mon:06:00-mon:06:30',
    multi_az: true,
    nchar_character_set_name: 'AL16UTF16',
    port: 5433,
    storage_encrypted: false,
    storage_type: 'gp2',
    timezone: 'UTC',
    username: 'other_admin',
  },
  'aws_db_parameter_group.database_parameter_group': {
    description: 'other',
    family: 'postgres16',
    name_prefix: 'other-',
  },
  'aws_db_subnet_group.database_subnet_group': { name: 'other-subnets', description: 'other' },
  'aws_iam_role.database_monitoring_role': { name: 'other-role', path: '/other/', description: 'other' },
  'aws_iam_role_policy_attachment.database_monitoring_role_policy': {
    policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    role: 'other-role-name',
  },
  'aws_iam_role_policy.data_protection_media_copy_irsa_policy': {
    name: 'other-policy',
    policy:
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}',
    role: 'other-role-name',
  },
  'aws_kms_alias.database_kms_alias': { name: 'alias/other' },
  'aws_kms_key.database_kms_key': {
    customer_master_key_spec: 'RSA_2048',
    deletion_window_in_days: 20,
    description: 'other',
    enable_key_rotation: false,
    key_usage: 'SIGN_VERIFY',
    multi_region: true,
  },
  'aws_s3_bucket.data_protection_media_copy_bucket': {
    bucket: 'other-copy-bucket-111111111111',
    force_destroy: true,
    object_lock_enabled: true,
  },
  'aws_s3_bucket_lifecycle_configuration.data_protection_media_copy_lifecycle': {
    bucket: 'other-copy-bucket-111111111111',
    expected_bucket_owner: '111111111111',
  },
  'aws_s3_bucket_ownership_controls.data_protection_media_copy_ownership': {
    bucket: 'other-copy-bucket-111111111111',
  },
  'aws_s3_bucket_policy.data_protection_media_copy_policy': { bucket: 'other-copy-bucket-111111111111' },
  'aws_s3_bucket_public_access_block.data_protection_media_copy_public_access_block': {
    block_public_acls: false,
    bucket: 'other-copy-bucket-111111111111',
  },
  'aws_s3_bucket_server_side_encryption_configuration.data_protection_media_copy_encryption': {
    bucket: 'other-copy-bucket-111111111111',
    expected_bucket_owner: '111111111111',
  },
  'aws_s3_bucket_versioning.data_protection_media_copy_versioning': {
    bucket: 'other-copy-bucket-111111111111',
    expected_bucket_owner: '111111111111',
    mfa: '111111111111 123456',
  },
  'aws_security_group.database_security_group': {
    name: 'other-sg',
    description: 'other',
    vpc_id: 'vpc-0other',
  },
  'aws_vpc_security_group_ingress_rule.database_ingress_from_cluster': {
    description: 'other',
    from_port: 6432,
    to_port: 6432,
    security_group_id: 'sg-0other',
  },
};

/** `name` and `name_prefix` exclude each other: the prefixes are tried in a second plan. */
const prefixes = [
  'aws_cloudwatch_log_group.database_log_upgrade',
  'aws_db_subnet_group.database_subnet_group',
  'aws_iam_role.database_monitoring_role',
  'aws_iam_role_policy.data_protection_media_copy_irsa_policy',
  'aws_kms_alias.database_kms_alias',
  'aws_security_group.database_security_group',
];

function withChanges(
  part: TerraformJson,
  edit: (address: string, block: Record<string, unknown>) => void,
): TerraformJson {
  const copy = structuredClone(part);
  for (const [type, byName] of Object.entries(copy.resource ?? {}))
    for (const [name, block] of Object.entries(byName)) edit(`${type}.${name}`, block);
  return copy;
}

const replacePathsOf = (plan: PlanJson) =>
  new Map(
    (plan.resource_changes ?? []).map((c) => [
      c.address,
      (c.change.replace_paths ?? []).map((p) => String(p[0])).sort(),
    ]),
  );

const expectedForcing = (address: string, attributes: string[]) =>
  attributes.filter((a) => replaceForcing[address.split('.')[0]].paths.includes(a)).sort();

/** The alternatives of attributes above (one excludes the other): tried in a third plan. */
const alternatives: Record<string, Record<string, unknown>> = {
  'aws_db_instance.database_instance': {
    lifecycle: {},
    restore_to_point_in_time: {
      source_db_instance_identifier: 'lightwave-other',
      use_latest_restorable_time: true,
    },
  },
  'aws_s3_bucket.data_protection_media_copy_bucket': { bucket: undefined, bucket_prefix: 'other-copy-' },
};

describeOffline('the review against the real AWS provider, from a state simulated from the base', () => {
  // dev with a vault lock, so that the lock's attributes are planned too
  const baseConfig = withChange(dev, (e) => (e.dataProtection.backup.vaultLock = { mode: 'governance' }));
  const baseStack = synthEnvironment(baseConfig);
  const basePart = comparableAwsPart(baseStack);
  let session: OfflinePlanSession;
  let state: SimulatedState;
  const dir = mkdtempSync(join(tmpdir(), 'lightwave-review-plans-'));

  beforeAll(() => {
    session = new OfflinePlanSession(toolchain!);
    state = simulateState(session, basePart);
  });
  afterAll(() => {
    session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("every changed attribute forces replacement exactly when the table says so (provider's replace_paths)", () => {
    session.configure(
      withChanges(basePart, (address, block) => Object.assign(block, changes[address] ?? {})),
    );
    const forced = replacePathsOf(session.plan(state));
    for (const [address, attributes] of Object.entries(changes)) {
      expect([address, forced.get(address)]).toEqual([
        address,
        expectedForcing(address, Object.keys(attributes)),
      ]);
    }
  });

  test('the restore from a point in time and bucket_prefix force replacement where the table says so', () => {
    session.configure(
      withChanges(basePart, (address, block) => {
        for (const [key, value] of Object.entries(alternatives[address] ?? {}))
          if (value === undefined) delete block[key];
          else block[key] = value;
      }),
    );
    const forced = replacePathsOf(session.plan(state));
    for (const [address, attributes] of Object.entries(alternatives)) {
      const changed = Object.keys(attributes).filter((a) => attributes[a] !== undefined);
      expect([address, forced.get(address)]).toEqual([address, expectedForcing(address, changed)]);
    }
  });

  test('name_prefix forces replacement where the table says so', () => {
    session.configure(
      withChanges(basePart, (address, block) => {
        if (!prefixes.includes(address)) return;
        delete block.name;
        block.name_prefix = address.startsWith('aws_kms_alias.') ? 'alias/other-' : 'other-';
      }),
    );
    const forced = replacePathsOf(session.plan(state));
    for (const address of prefixes) {
      expect([address, forced.get(address)]).toEqual([address, expect.arrayContaining(['name_prefix'])]);
      expect(replaceForcing[address.split('.')[0]].paths).toContain('name_prefix');
    }
  });

  describe('a real plan: the media bucket renamed, so the media copy key gets a new description', () => {
    const headStack = synthEnvironment(
      withChange(baseConfig, (e) => (e.cloudflare.media.bucketName = `${e.cloudflare.media.bucketName}2`)),
    );

    test('the provider also updates the policy whose document reads the key, and the report says why and which count to trust', () => {
      const check = checkAgainstState(session, state, comparableAwsPart(headStack), basePart);
      if (check.kind !== 'planned') throw new Error(`the head does not plan: ${JSON.stringify(check)}`);
      const policy = 'aws_iam_role_policy.data_protection_media_copy_irsa_policy';
      expect(check.changes.find((c) => c.address === policy)?.action).toBe('update');
      expect(awsCheckLine(check, planFromConfig(baseStack, headStack), false, headStack)).toContain(
        `\`${policy}\`: provider update, this report no change — it reads ` +
          '`data.aws_iam_policy_document.data_protection_media_copy_irsa_permissions`, which reads ' +
          '`aws_kms_key.data_protection_media_copy_kms_key` (update in this change): Terraform reads such a data ' +
          'source only during the apply, so the provider plans its result as unknown and the reader as an update, ' +
          "though the configuration renders the same document — trust this report's count",
      );
    });
  });

  describe('a real plan: the KMS key of dev gets another key spec', () => {
    const headStack = structuredClone(baseStack);
    headStack.resource!.aws_kms_key.database_kms_key.customer_master_key_spec = 'RSA_4096';
    let check: AwsCheck;
    let plan: PlanJson;
    const planFile = join(dir, 'dev.plan.json');

    beforeAll(() => {
      check = checkAgainstState(session, state, comparableAwsPart(headStack), basePart);
      if (check.kind !== 'planned') throw new Error(`the head does not plan: ${JSON.stringify(check)}`);
      plan = check.plan;
      writeFileSync(planFile, JSON.stringify(plan));
    });

    test('the provider replaces the key and, through its new ARN, the database, its backup vault and the alert topic; the configuration diff agrees', () => {
      const actions = (list: { address: string; action: string }[]) =>
        Object.fromEntries(
          list
            .filter((c) => c.address.startsWith('aws_') && c.action !== 'none')
            .map((c) => [c.address, c.action]),
        );
      const fromPlan = actions(planFromPlanJson(plan));
      expect(fromPlan).toEqual({
        // The primary vault is on the database's key; the selection names the instance by its ARN.
        'aws_backup_selection.data_protection_selection': 'replace',
        'aws_backup_vault.data_protection_primary_vault': 'replace',
        'aws_cloudwatch_log_group.database_log_postgresql': 'update',
        'aws_cloudwatch_log_group.database_log_upgrade': 'update',
        'aws_db_instance.database_instance': 'replace',
        'aws_kms_alias.database_kms_alias': 'update',
        'aws_kms_key.database_kms_key': 'replace',
        // The alert topic is encrypted with the same key.
        'aws_sns_topic.observability_alerts_topic': 'update',
      });
      const fromConfig = planFromConfig(baseStack, headStack);
      expect(actions(fromConfig)).toEqual(fromPlan);
      expect(awsCheckLine(check, fromConfig, false)).toContain(
        // Counted in the plan's address order: the backup selection (replace) comes first.
        'against a state simulated from the base (refresh off, no live state): agrees (4 replace, 4 update).',
      );
    });

    test('with prevent_destroy on the key, the provider refuses to plan, as the verdict says', () => {
      const guarded = structuredClone(headStack);
      guarded.resource!.aws_kms_key.database_kms_key.lifecycle = { prevent_destroy: true };
      const check = checkAgainstState(session, state, comparableAwsPart(guarded), basePart);
      expect(check).toEqual({ kind: 'plan-failed', error: 'Instance cannot be destroyed' });
      expect(awsCheckLine(check, planFromConfig(baseStack, guarded), true)).toContain(
        'the plan fails — `Instance cannot be destroyed`, as this verdict says.',
      );
    });

    test('given to the review, the plan is the verdict and the configuration diff explains it', () => {
      const report = renderReport({
        environments: [{ config: baseConfig, stack: headStack }],
        base: new Map([['dev', baseStack]]),
        plans: new Map([['dev', { file: 'dev.plan.json', plan }]]),
      });
      const verdict = visibleText(report.split('<details>')[0]);
      expect(verdict).toContain(
        'aws_db_instance.database_instance: kms_key_id forces replacement — replaces database instance lightwave-dev: the new ' +
          'instance starts empty (no snapshot is restored). A final snapshot lightwave-dev-final is taken first',
      );
      expect(verdict).toContain('Source: the real plan dev.plan.json (terraform 1.11');
      expect(verdict).toMatch(
        /The configuration changes what the plan does not \(already applied\?\): .*kubernetes_config_map_v1\.cluster_pgbouncer_config/,
      );
      expect(report).toContain('Why — the configuration diff behind the plan:');
    });

    test('through the CLI: --plan dev=<file> with an unchanged configuration shows what only the plan changes', () => {
      const baseTree = join(dir, 'base-tree');
      synthesizeTree(environments, baseTree, synthesizeApp);
      const [out, comment] = [join(dir, 'review.md'), join(dir, 'comment.md')];
      const cli = compiledReviewCli()([
        '--base',
        baseTree,
        '--plan',
        `dev=${planFile}`,
        '--no-plan',
        '--tests',
        'failure',
        '--out',
        out,
        '--comment-out',
        comment,
      ]);
      expect(cli.stderr).toBe('');
      expect(cli.status).toBe(0);
      const report = readFileSync(out, 'utf8');
      expect(readFileSync(comment, 'utf8')).toBe(report);
      expect(report).toContain('> ❌ **`npm test` failed on this commit**');
      const verdict = visibleText(report.split('## `prod`')[0]);
      expect(verdict).toContain('dev — 🔴 data loss, permanent — 4 to update, 4 to replace');
      expect(verdict).toContain(`Source: the real plan ${planFile}`);
      expect(verdict).toMatch(
        /The plan changes what the configuration does not \(drift or provider defaults\): aws_backup_selection\.data_protection_selection, .*aws_cloudwatch_log_group/,
      );
    });
  });
});

/**
 * Policy rules over data protection: the backup plan, its vaults and copies; the S3 rules on the media copy bucket.
 */
import { policyRules } from '../../policy';
import type { Block } from '../../synth/terraform-json';
import {
  describeRules,
  resource,
  variant,
  type Base,
  type MutableEnvironment,
  type RuleCase,
} from './support';

const DB = 'aws_db_instance.database_instance';
const PRIMARY = 'aws_backup_vault.data_protection_primary_vault';
const BUCKET = 'aws_s3_bucket.data_protection_media_copy_bucket';
const plan = (e: MutableEnvironment) => resource(e.stack, 'aws_backup_plan');
const rules = (e: MutableEnvironment) => plan(e).rule as Block[];
const vault = (e: MutableEnvironment, name = 'data_protection_primary_vault') =>
  resource(e.stack, 'aws_backup_vault', name);
/** The copy bucket's setting of `type` (the prod environment stack has no other bucket). */
const copyBucketPart = (e: MutableEnvironment, type: string) => resource(e.stack, type);

const cases: Readonly<Record<string, RuleCase>> = {
  'LW-BAK-001': {
    nonCompliant: (e) => (resource(e.stack, 'aws_backup_selection').resources = []),
    address: DB,
    alsoNonCompliant: {
      'no backup selection at all': (e) => delete e.stack.resource!.aws_backup_selection,
      'a selection of another instance': (e) =>
        (resource(e.stack, 'aws_backup_selection').resources = ['${aws_db_instance.other.arn}']),
    },
  },
  'LW-BAK-002': {
    nonCompliant: (e) => delete (vault(e, 'data_protection_dr_vault') as Block).provider,
    address: 'aws_backup_plan.data_protection_plan',
    alsoNonCompliant: {
      'a rule without a copy action': (e) => delete rules(e)[0].copy_action,
      "a copy to a vault whose provider is in the plan's region": (e) => {
        const home = e.stack.provider!.aws.find((p) => p.alias === undefined)!.region;
        for (const p of e.stack.provider!.aws) p.region = home;
      },
      'a copy to a vault this stack does not declare': (e) =>
        ((rules(e)[0].copy_action as Block[])[0].destination_vault_arn = '${aws_backup_vault.elsewhere.arn}'),
    },
  },
  'LW-BAK-003': {
    nonCompliant: (e) => delete vault(e).kms_key_arn,
    address: PRIMARY,
    alsoNonCompliant: {
      'the AWS-managed key': (e) =>
        (vault(e).kms_key_arn = 'arn:aws:kms:us-east-1:111111111111:alias/aws/backup'),
    },
  },
  'LW-BAK-004': {
    nonCompliant: (e) =>
      delete e.stack.resource!.aws_backup_vault_lock_configuration.data_protection_primary_lock,
    address: PRIMARY,
    alsoNonCompliant: {
      'the lock of another vault only': (e) =>
        (e.stack.resource!.aws_backup_vault_lock_configuration.data_protection_primary_lock.backup_vault_name =
          '${aws_backup_vault.data_protection_dr_vault.name}'),
      // Issue 23, path 3: a governance lock the deploy role (backup:DeleteBackupVaultLockConfiguration) could lift.
      'a governance lock (no changeable_for_days)': (e) =>
        delete e.stack.resource!.aws_backup_vault_lock_configuration.data_protection_primary_lock
          .changeable_for_days,
    },
  },
  'LW-BAK-005': {
    nonCompliant: (e) => delete vault(e).lifecycle,
    address: PRIMARY,
    alsoNonCompliant: { 'prevent_destroy off': (e) => (vault(e).lifecycle = { prevent_destroy: false }) },
  },
};

describeRules(cases);

test('LW-BAK-002 names the rule that keeps its recovery points at home', () => {
  const rule = policyRules.find((r) => r.id === 'LW-BAK-002');
  const results = rule?.check(variant('prod', (e) => delete rules(e)[1].copy_action) as never) ?? [];
  expect(results.map((r) => [r.status, r.detail])).toEqual([
    ['fail', 'no copy to another region in rule monthly'],
  ]);
});

test('every backup rule has its cases here', () => {
  const ids = policyRules.map((r) => r.id).filter((id) => id.startsWith('LW-BAK-'));
  expect(Object.keys(cases).sort()).toEqual(ids.sort());
});

/**
 * The S3 rules (cases on the state bucket: delivery.test.ts) judge the media copy bucket too: it passes each of them
 * as synthesized, and fails each when the setting the rule is about is taken away.
 */
const copyBucketCases: Readonly<Record<string, RuleCase>> = {
  'LW-S3-001': {
    nonCompliant: (e) =>
      (copyBucketPart(e, 'aws_s3_bucket_versioning').versioning_configuration = { status: 'Suspended' }),
    address: BUCKET,
  },
  'LW-S3-002': {
    nonCompliant: (e) =>
      (copyBucketPart(e, 'aws_s3_bucket_server_side_encryption_configuration').rule = [
        { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
      ]),
    address: BUCKET,
  },
  'LW-S3-003': {
    nonCompliant: (e) =>
      (copyBucketPart(e, 'aws_s3_bucket_public_access_block').restrict_public_buckets = false),
    address: BUCKET,
  },
  'LW-S3-004': {
    nonCompliant: (e) => {
      const document = e.stack.data!.aws_iam_policy_document.data_protection_media_copy_policy_document as {
        statement: Block[];
      };
      document.statement[0].effect = 'Allow';
    },
    address: BUCKET,
  },
  'LW-S3-005': {
    nonCompliant: (e) =>
      ((
        copyBucketPart(e, 'aws_s3_bucket_lifecycle_configuration').rule as Block[]
      )[0].noncurrent_version_expiration = { noncurrent_days: 7 }),
    address: BUCKET,
  },
  'LW-S3-006': { nonCompliant: (e) => delete resource(e.stack, 'aws_s3_bucket').lifecycle, address: BUCKET },
  'LW-S3-007': {
    nonCompliant: (e) =>
      (copyBucketPart(e, 'aws_s3_bucket_ownership_controls').rule = { object_ownership: 'ObjectWriter' }),
    address: BUCKET,
  },
};

describe('the media copy bucket', () => {
  describeRules(copyBucketCases);

  test('every S3 rule has a case on it', () => {
    const ids = policyRules.map((r) => r.id).filter((id) => id.startsWith('LW-S3-'));
    expect(Object.keys(copyBucketCases).sort()).toEqual(ids.sort());
  });
});

describe('LW-S3-006 by tier and purpose', () => {
  const rule = policyRules.find((r) => r.id === 'LW-S3-006');
  const verdicts = (base: Base, mutation?: (e: MutableEnvironment) => void) =>
    (rule?.check(variant(base, mutation) as never) ?? []).map((r) => [r.address, r.status]);

  test("dev's copy bucket may be destroyed with its environment", () => {
    expect(verdicts('dev')).toEqual([[BUCKET, 'not-applicable']]);
  });

  test("dev's state bucket is judged all the same; dev's other buckets are not", () => {
    const STATE = 'aws_s3_bucket.state_bucket';
    const TRAIL = 'aws_s3_bucket.audit_trail_bucket_bucket';
    expect(verdicts('bootstrap-dev')).toEqual(
      expect.arrayContaining([
        [STATE, 'pass'],
        [TRAIL, 'not-applicable'],
      ]),
    );
    const unguarded = (e: MutableEnvironment) =>
      delete resource(e.stack, 'aws_s3_bucket', 'state_bucket').lifecycle;
    expect(verdicts('bootstrap-dev', unguarded)).toContainEqual([STATE, 'fail']);
  });
});

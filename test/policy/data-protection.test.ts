/**
 * Policy rules over data protection: the backup plan, its vaults and copies, and the media copy bucket.
 */
import { policyRules } from '../../policy';
import type { Block } from '../../synth/terraform-json';
import { describeRules, resource, variant, type MutableEnvironment, type RuleCase } from './support';

const DB = 'aws_db_instance.database_instance';
const PRIMARY = 'aws_backup_vault.data_protection_primary_vault';
const BUCKET = 'aws_s3_bucket.data_protection_media_copy_bucket';
const plan = (e: MutableEnvironment) => resource(e.stack, 'aws_backup_plan');
const rules = (e: MutableEnvironment) => plan(e).rule as Block[];
const vault = (e: MutableEnvironment, name = 'data_protection_primary_vault') =>
  resource(e.stack, 'aws_backup_vault', name);
const bucketPart = (e: MutableEnvironment, type: string) => resource(e.stack, type);

const cases: Readonly<Record<string, RuleCase>> = {
  'LW-BAK-001': {
    nonCompliant: (e) => (resource(e.stack, 'aws_backup_selection').resources = []),
    address: DB,
  },
  'LW-BAK-002': {
    nonCompliant: (e) => delete (vault(e, 'data_protection_dr_vault') as Block).provider,
    address: 'aws_backup_plan.data_protection_plan',
  },
  'LW-BAK-003': { nonCompliant: (e) => delete vault(e).kms_key_arn, address: PRIMARY },
  'LW-BAK-004': {
    nonCompliant: (e) =>
      delete e.stack.resource!.aws_backup_vault_lock_configuration.data_protection_primary_lock,
    address: PRIMARY,
  },
  'LW-BAK-005': { nonCompliant: (e) => delete vault(e).lifecycle, address: PRIMARY },
  'LW-S3-001': {
    nonCompliant: (e) =>
      (bucketPart(e, 'aws_s3_bucket_versioning').versioning_configuration = { status: 'Suspended' }),
    address: BUCKET,
  },
  'LW-S3-002': {
    nonCompliant: (e) => (bucketPart(e, 'aws_s3_bucket_public_access_block').restrict_public_buckets = false),
    address: BUCKET,
  },
  'LW-S3-003': {
    nonCompliant: (e) => {
      const document = e.stack.data!.aws_iam_policy_document.data_protection_media_copy_tls_only as {
        statement: Block[];
      };
      document.statement[0].effect = 'Allow';
    },
    address: BUCKET,
  },
  'LW-S3-004': {
    nonCompliant: (e) =>
      ((
        bucketPart(e, 'aws_s3_bucket_server_side_encryption_configuration').rule as {
          apply_server_side_encryption_by_default: Block;
        }[]
      )[0].apply_server_side_encryption_by_default.sse_algorithm = 'AES256'),
    address: BUCKET,
  },
  'LW-S3-005': { nonCompliant: (e) => delete resource(e.stack, 'aws_s3_bucket').lifecycle, address: BUCKET },
};

describeRules(cases);

test('LW-BAK-002 names the rule that keeps its recovery points at home', () => {
  const rule = policyRules.find((r) => r.id === 'LW-BAK-002');
  const results = rule?.check(variant((e) => delete rules(e)[1].copy_action) as never) ?? [];
  expect(results.map((r) => [r.status, r.detail])).toEqual([
    ['fail', 'no copy to another region in rule monthly'],
  ]);
});

test('every data-protection rule has its cases here', () => {
  const ids = policyRules.map((r) => r.id).filter((id) => /^LW-(BAK|S3)-/.test(id));
  expect(Object.keys(cases).sort()).toEqual(ids.sort());
});

test('LW-IAM-001 accepts the IRSA role only while it is pinned to one service account', () => {
  const rule = policyRules.find((r) => r.id === 'LW-IAM-001');
  const role = 'aws_iam_role.data_protection_media_copy_irsa_role';
  const verdict = (mutation?: (trust: { condition: Block[] }) => void) =>
    rule
      ?.check(
        variant((e) => {
          const doc = e.stack.data!.aws_iam_policy_document.data_protection_media_copy_irsa_trust as {
            statement: { condition: Block[] }[];
          };
          mutation?.(doc.statement[0]);
        }) as never,
      )
      .find((r) => r.address === role)?.status;
  expect(verdict()).toBe('pass');
  expect(
    verdict((s) => (s.condition = s.condition.filter((c) => !String(c.variable).endsWith(':sub')))),
  ).toBe('fail');
  expect(verdict((s) => (s.condition[0].values = ['system:serviceaccount:shared:*']))).toBe('fail');
});

/**
 * Policy rules over the bootstrap stacks: the state bucket (S3) and the GitHub Actions roles (IAM).
 */
import { policyRules } from '../../policy';
import type { PolicyStatement } from '../../policy/aws';
import { prod as prodConfig } from '../../environments/prod';
import { synthBootstrap } from '../support/synth';
import { describeRules, resource, type MutableEnvironment, type RuleCase } from './support';

const BUCKET = 'aws_s3_bucket.state_bucket';
const document = (e: MutableEnvironment, name: string) => {
  const doc = e.stack.data?.aws_iam_policy_document?.[name];
  if (!doc) throw new Error(`no policy document ${name}`);
  return doc as { statement: PolicyStatement[] };
};
const statement = (e: MutableEnvironment, name: string, sid: string) => {
  const found = document(e, name).statement.find((s) => s.sid === sid);
  if (!found) throw new Error(`no statement ${sid} in ${name}`);
  return found as { -readonly [K in keyof PolicyStatement]: PolicyStatement[K] };
};
const condition = (e: MutableEnvironment, name: string, sid: string, variable: string) => {
  const found = statement(e, name, sid).condition?.find((c) => c.variable === variable);
  if (!found) throw new Error(`no condition on ${variable}`);
  return found as unknown as { test: string; values: string[] };
};
const base = 'bootstrap-prod' as const;

const cases: Readonly<Record<string, RuleCase>> = {
  'LW-S3-001': {
    base,
    nonCompliant: (e) =>
      (resource(e.stack, 'aws_s3_bucket_versioning').versioning_configuration = { status: 'Suspended' }),
    address: BUCKET,
  },
  'LW-S3-002': {
    base,
    nonCompliant: (e) =>
      (resource(e.stack, 'aws_s3_bucket_server_side_encryption_configuration').rule = [
        { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
      ]),
    address: BUCKET,
  },
  'LW-S3-003': {
    base,
    nonCompliant: (e) =>
      (resource(e.stack, 'aws_s3_bucket_public_access_block').restrict_public_buckets = false),
    address: BUCKET,
  },
  'LW-S3-004': {
    base,
    nonCompliant: (e) => {
      const doc = document(e, 'state_bucket_policy');
      doc.statement = doc.statement.filter((s) => s.sid !== 'DenyInsecureTransport');
    },
    address: BUCKET,
    alsoNonCompliant: {
      'a Deny for one principal only': (e) =>
        (statement(e, 'state_bucket_policy', 'DenyInsecureTransport').principals = [
          { type: 'AWS', identifiers: ['arn:aws:iam::222222222222:root'] },
        ]),
      'a Deny on the objects only': (e) => {
        const deny = statement(e, 'state_bucket_policy', 'DenyInsecureTransport');
        deny.resources = deny.resources?.filter((r) => r.endsWith('/*'));
      },
    },
    alsoCompliant: {
      'a Deny of every action': (e) =>
        (statement(e, 'state_bucket_policy', 'DenyInsecureTransport').actions = ['*']),
    },
  },
  'LW-S3-005': {
    base,
    nonCompliant: (e) =>
      ((
        resource(e.stack, 'aws_s3_bucket_lifecycle_configuration').rule as Record<string, unknown>[]
      )[0].noncurrent_version_expiration = { noncurrent_days: 7 }),
    address: BUCKET,
  },
  'LW-S3-006': {
    base,
    nonCompliant: (e) => delete resource(e.stack, 'aws_s3_bucket').lifecycle,
    address: BUCKET,
  },
  'LW-S3-007': {
    base,
    nonCompliant: (e) =>
      (resource(e.stack, 'aws_s3_bucket_ownership_controls').rule = { object_ownership: 'ObjectWriter' }),
    address: BUCKET,
  },
  'LW-IAM-004': {
    base,
    nonCompliant: (e) =>
      (statement(e, 'prod_deploy_permissions', 'ManagePlatformServices').actions = ['rds:*']),
    address: 'aws_iam_role_policy.prod_deploy_policy',
  },
  'LW-IAM-005': {
    base,
    nonCompliant: (e) =>
      (condition(
        e,
        'prod_plan_trust',
        'GitHubActionsOfThisRepository',
        'token.actions.githubusercontent.com:sub',
      ).values = ['repo:someone-else/fork:pull_request']),
    address: 'aws_iam_role.prod_plan_role',
  },
  'LW-IAM-006': {
    base,
    nonCompliant: (e) =>
      (statement(e, 'prod_deploy_permissions', 'PassMonitoringRoleToRds').resources = ['*']),
    address: 'aws_iam_role_policy.prod_deploy_policy',
  },
  'LW-IAM-007': {
    base,
    nonCompliant: (e) => delete resource(e.stack, 'aws_iam_role', 'prod_deploy_role').permissions_boundary,
    address: 'aws_iam_role.prod_deploy_role',
  },
};

describeRules(cases);

test('every delivery rule has its cases here', () => {
  const ids = policyRules.map((r) => r.id).filter((id) => /^LW-S3-|^LW-IAM-00[4-7]$/.test(id));
  expect(Object.keys(cases).sort()).toEqual(ids.sort());
});

describe('LW-IAM-005 beyond the base case', () => {
  const rule = policyRules.find((r) => r.id === 'LW-IAM-005');
  const judge = (change: (e: MutableEnvironment) => void) => {
    const env = structuredClone({
      config: prodConfig,
      stack: synthBootstrap(prodConfig),
    }) as MutableEnvironment;
    change(env);
    return rule?.check(env as never).filter((r) => r.status === 'fail') ?? [];
  };
  const sub = (e: MutableEnvironment) =>
    condition(
      e,
      'prod_deploy_trust',
      'GitHubActionsOfThisRepository',
      'token.actions.githubusercontent.com:sub',
    );

  test('refuses a wildcard subject even inside this repository', () => {
    const failures = judge((e) => {
      const c = sub(e);
      c.test = 'StringLike';
      c.values = [`repo:${prodConfig.delivery.repository}:*`];
    });
    expect(failures.map((f) => f.address)).toEqual(['aws_iam_role.prod_deploy_role']);
  });

  test('refuses an audience other than STS', () => {
    const failures = judge(
      (e) =>
        (condition(
          e,
          'prod_deploy_trust',
          'GitHubActionsOfThisRepository',
          'token.actions.githubusercontent.com:aud',
        ).values = ['https://github.com/lightwave-media']),
    );
    expect(failures.map((f) => f.detail)).toEqual(['aud is not exactly sts.amazonaws.com']);
  });
});

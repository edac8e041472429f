/**
 * Policy rules over the bootstrap stacks: the state bucket (S3) and the GitHub Actions roles (IAM).
 */
import { policyRules } from '../../policy';
import type { PolicyStatement } from '../../policy/aws';
import { prod as prodConfig } from '../../environments/prod';
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
const dropDeny = (e: MutableEnvironment, sid: string) => {
  const doc = document(e, 'boundary_document');
  doc.statement = doc.statement.filter((s) => s.sid !== sid);
};
const OIDC = 'token.actions.githubusercontent.com';
const byDefault = (e: MutableEnvironment) =>
  (
    resource(e.stack, 'aws_s3_bucket_server_side_encryption_configuration', 'state_encryption').rule as {
      apply_server_side_encryption_by_default: Record<string, unknown>;
    }[]
  )[0].apply_server_side_encryption_by_default;
const lifecycleRules = (e: MutableEnvironment) =>
  resource(e.stack, 'aws_s3_bucket_lifecycle_configuration', 'state_lifecycle').rule as Record<
    string,
    unknown
  >[];

const cases: Readonly<Record<string, RuleCase>> = {
  'LW-S3-001': {
    base,
    nonCompliant: (e) =>
      (resource(e.stack, 'aws_s3_bucket_versioning', 'state_versioning').versioning_configuration = {
        status: 'Suspended',
      }),
    address: BUCKET,
    alsoNonCompliant: {
      'no aws_s3_bucket_versioning': (e) => delete e.stack.resource!.aws_s3_bucket_versioning,
      'legacy inline versioning only': (e) => {
        delete e.stack.resource!.aws_s3_bucket_versioning;
        resource(e.stack, 'aws_s3_bucket', 'state_bucket').versioning = [{ enabled: true }];
      },
    },
  },
  'LW-S3-002': {
    base,
    nonCompliant: (e) =>
      (resource(e.stack, 'aws_s3_bucket_server_side_encryption_configuration', 'state_encryption').rule = [
        { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
      ]),
    address: BUCKET,
    alsoNonCompliant: {
      'aws:kms without a key': (e) => delete byDefault(e).kms_master_key_id,
      'the AWS-managed key': (e) => (byDefault(e).kms_master_key_id = 'alias/aws/s3'),
      'no encryption configuration': (e) =>
        delete e.stack.resource!.aws_s3_bucket_server_side_encryption_configuration,
    },
  },
  'LW-S3-003': {
    base,
    nonCompliant: (e) =>
      (resource(
        e.stack,
        'aws_s3_bucket_public_access_block',
        'state_public_access_block',
      ).restrict_public_buckets = false),
    address: BUCKET,
    alsoNonCompliant: {
      ...Object.fromEntries(
        ['block_public_acls', 'block_public_policy', 'ignore_public_acls'].map((setting) => [
          `${setting} off`,
          (e: MutableEnvironment) =>
            (resource(e.stack, 'aws_s3_bucket_public_access_block', 'state_public_access_block')[setting] =
              false),
        ]),
      ),
      'no public access block': (e) => delete e.stack.resource!.aws_s3_bucket_public_access_block,
    },
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
      'a Deny on the bucket only': (e) => {
        const deny = statement(e, 'state_bucket_policy', 'DenyInsecureTransport');
        deny.resources = deny.resources?.filter((r) => !r.endsWith('/*'));
      },
      'an Allow instead of a Deny': (e) =>
        (statement(e, 'state_bucket_policy', 'DenyInsecureTransport').effect = 'Allow'),
      'a Deny of some actions only': (e) =>
        (statement(e, 'state_bucket_policy', 'DenyInsecureTransport').actions = ['s3:GetObject']),
      'a Deny conditioned on TLS being used': (e) =>
        (condition(e, 'state_bucket_policy', 'DenyInsecureTransport', 'aws:SecureTransport').values = [
          'true',
        ]),
      'no bucket policy': (e) => delete e.stack.resource!.aws_s3_bucket_policy,
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
        resource(e.stack, 'aws_s3_bucket_lifecycle_configuration', 'state_lifecycle').rule as Record<
          string,
          unknown
        >[]
      )[0].noncurrent_version_expiration = { noncurrent_days: 7 }),
    address: BUCKET,
    alsoNonCompliant: {
      'the expiring rule disabled': (e) => (lifecycleRules(e)[0].status = 'Disabled'),
      'no noncurrent expiry': (e) => delete lifecycleRules(e)[0].noncurrent_version_expiration,
    },
    alsoCompliant: {
      'thirty days': (e) => (lifecycleRules(e)[0].noncurrent_version_expiration = { noncurrent_days: 30 }),
    },
  },
  'LW-S3-006': {
    base,
    nonCompliant: (e) => delete resource(e.stack, 'aws_s3_bucket', 'state_bucket').lifecycle,
    address: BUCKET,
    alsoNonCompliant: {
      force_destroy: (e) => (resource(e.stack, 'aws_s3_bucket', 'state_bucket').force_destroy = true),
    },
  },
  'LW-S3-007': {
    base,
    nonCompliant: (e) =>
      (resource(e.stack, 'aws_s3_bucket_ownership_controls', 'state_ownership').rule = {
        object_ownership: 'ObjectWriter',
      }),
    address: BUCKET,
    alsoNonCompliant: {
      'no ownership controls': (e) => delete e.stack.resource!.aws_s3_bucket_ownership_controls,
    },
  },
  'LW-IAM-004': {
    base,
    nonCompliant: (e) =>
      (statement(e, 'prod_deploy_permissions', 'ManagePlatformServices').actions = ['rds:*']),
    address: 'aws_iam_role_policy.prod_deploy_policy',
    alsoNonCompliant: {
      'every action on one resource': (e) =>
        (statement(e, 'prod_deploy_permissions', 'ListStateBucket').actions = ['*']),
      '*:* on one resource': (e) =>
        (statement(e, 'prod_deploy_permissions', 'ListStateBucket').actions = ['*:*']),
      'a policy not from a document': (e) =>
        (resource(e.stack, 'aws_iam_role_policy', 'prod_deploy_policy').policy = '{"Statement":[]}'),
    },
    alsoCompliant: {
      'a whole service on one resource': (e) =>
        (statement(e, 'prod_deploy_permissions', 'ListStateBucket').actions = ['s3:*']),
      'a whole service denied on every resource': (e) => {
        const s = statement(e, 'prod_deploy_permissions', 'ManagePlatformServices');
        s.actions = ['rds:*'];
        s.effect = 'Deny';
      },
    },
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
    alsoNonCompliant: {
      'a wildcard subject inside this repository': (e) => {
        const c = condition(e, 'prod_deploy_trust', 'GitHubActionsOfThisRepository', `${OIDC}:sub`);
        c.test = 'StringLike';
        c.values = [`repo:${prodConfig.delivery.repository}:*`];
      },
      'a wildcard inside a StringEquals subject': (e) =>
        (condition(e, 'prod_deploy_trust', 'GitHubActionsOfThisRepository', `${OIDC}:sub`).values = [
          `repo:${prodConfig.delivery.repository}:*`,
        ]),
      'an audience other than STS': (e) =>
        (condition(e, 'prod_deploy_trust', 'GitHubActionsOfThisRepository', `${OIDC}:aud`).values = [
          'https://github.com/lightwave-media',
        ]),
      'no audience condition': (e) => {
        const s = statement(e, 'prod_deploy_trust', 'GitHubActionsOfThisRepository');
        s.condition = s.condition?.filter((c) => c.variable !== `${OIDC}:aud`);
      },
      'no subject condition': (e) => {
        const s = statement(e, 'prod_deploy_trust', 'GitHubActionsOfThisRepository');
        s.condition = s.condition?.filter((c) => c.variable !== `${OIDC}:sub`);
      },
      'a trust policy not from a document': (e) =>
        (resource(e.stack, 'aws_iam_role', 'prod_deploy_role').assume_role_policy = '{"Statement":[]}'),
      // Issue 23, path 1: any pull request's code assumes the prod plan role without a reviewer.
      'pull requests re-admitted to the prod plan role': (e) =>
        condition(e, 'prod_plan_trust', 'GitHubActionsOfThisRepository', `${OIDC}:sub`).values.push(
          `repo:${prodConfig.delivery.repository}:pull_request`,
        ),
      'a feature branch admitted in production': (e) =>
        condition(e, 'prod_plan_trust', 'GitHubActionsOfThisRepository', `${OIDC}:sub`).values.push(
          `repo:${prodConfig.delivery.repository}:ref:refs/heads/feature`,
        ),
    },
    alsoCompliant: {
      'an Environment subject (its reviewers gate it)': (e) =>
        condition(e, 'prod_plan_trust', 'GitHubActionsOfThisRepository', `${OIDC}:sub`).values.push(
          `repo:${prodConfig.delivery.repository}:environment:another-gate`,
        ),
    },
  },
  'LW-IAM-006': {
    base,
    nonCompliant: (e) =>
      (statement(e, 'prod_deploy_permissions', 'PassMonitoringRoleToRds').resources = ['*']),
    address: 'aws_iam_role_policy.prod_deploy_policy',
    alsoNonCompliant: {
      'every role of the account': (e) =>
        (statement(e, 'prod_deploy_permissions', 'PassMonitoringRoleToRds').resources = [
          'arn:aws:iam::222222222222:*',
        ]),
      'a policy not from a document': (e) =>
        (resource(e.stack, 'aws_iam_role_policy', 'prod_deploy_policy').policy = '{"Statement":[]}'),
      // Issue 23, path 2: delete role/prod-media-copy and recreate it without a boundary, with any trust and policy.
      'the media copy role created without the boundary condition': (e) =>
        delete statement(e, 'prod_deploy_permissions', 'CreateMediaCopyRoleBounded').condition,
      'its inline policy written without the boundary condition': (e) =>
        delete statement(e, 'prod_deploy_permissions', 'WriteMediaCopyInlinePolicyBounded').condition,
      'a boundary condition with a wildcard': (e) =>
        (condition(
          e,
          'prod_deploy_permissions',
          'CreateMediaCopyRoleBounded',
          'iam:PermissionsBoundary',
        ).values = ['arn:aws:iam::222222222222:policy/*']),
      'role writes by a wildcard action': (e) =>
        (statement(e, 'prod_deploy_permissions', 'ManageMediaCopyRole').actions = ['iam:*Role*']),
      // Review of issue 23, finding 6: any managed policy passed for "a boundary".
      'the boundary pinned to AdministratorAccess': (e) =>
        (condition(
          e,
          'prod_deploy_permissions',
          'CreateMediaCopyRoleBounded',
          'iam:PermissionsBoundary',
        ).values = ['arn:aws:iam::aws:policy/AdministratorAccess']),
      'a trust policy rewritable': (e) =>
        (statement(e, 'prod_deploy_permissions', 'ManageMediaCopyRole').actions = [
          ...(statement(e, 'prod_deploy_permissions', 'ManageMediaCopyRole').actions ?? []),
          'iam:UpdateAssumeRolePolicy',
        ]),
      'a managed role deletable in production': (e) =>
        (statement(e, 'prod_deploy_permissions', 'ManageMediaCopyRole').actions = [
          ...(statement(e, 'prod_deploy_permissions', 'ManageMediaCopyRole').actions ?? []),
          'iam:DeleteRole',
        ]),
    },
    alsoCompliant: {
      'IAM reads on every resource': (e) =>
        (statement(e, 'prod_deploy_permissions', 'ManagePlatformServices').actions = [
          'iam:GetRole',
          'iam:List*',
        ]),
      'an IAM write denied on every resource': (e) => {
        const s = statement(e, 'prod_deploy_permissions', 'PassMonitoringRoleToRds');
        s.resources = ['*'];
        s.effect = 'Deny';
      },
    },
  },
  'LW-IAM-007': {
    base,
    nonCompliant: (e) => delete resource(e.stack, 'aws_iam_role', 'prod_deploy_role').permissions_boundary,
    address: 'aws_iam_role.prod_deploy_role',
    alsoNonCompliant: {
      'an empty boundary': (e) =>
        (resource(e.stack, 'aws_iam_role', 'prod_deploy_role').permissions_boundary = ''),
      'a boundary outside the stack': (e) =>
        (resource(e.stack, 'aws_iam_role', 'prod_deploy_role').permissions_boundary =
          'arn:aws:iam::222222222222:policy/elsewhere'),
      'boundaries may be removed': (e) => dropDeny(e, 'BoundariesStay'),
      // Issue 23, path 2: a role created or changed without a pinned boundary.
      'roles may be created without the workload boundary': (e) =>
        dropDeny(e, 'ManagedRolesCarryTheWorkloadBoundary'),
      'the boundary may be rewritten': (e) => dropDeny(e, 'BoundaryStaysAsIs'),
      // Review of issue 23, finding 6: the pinned value read, both boundaries kept, no re-trust, no deletion.
      'the workload boundary may be rewritten': (e) => {
        const deny = statement(e, 'boundary_document', 'BoundaryStaysAsIs');
        deny.resources = deny.resources?.filter((r) => !r.endsWith(':policy/lightwave-workload-boundary'));
      },
      'roles created under AdministratorAccess instead of the workload boundary': (e) =>
        (condition(
          e,
          'boundary_document',
          'ManagedRolesCarryTheWorkloadBoundary',
          'iam:PermissionsBoundary',
        ).values = ['arn:aws:iam::aws:policy/AdministratorAccess']),
      'trust policies may be rewritten': (e) => dropDeny(e, 'TrustPoliciesStay'),
      'roles may be deleted in production': (e) => dropDeny(e, 'RolesStay'),
      // Issue 23, path 3: lock deletion (and key deletion) given back under the boundary.
      'vault lock deletion given back': (e) => {
        const deny = statement(e, 'boundary_document', 'BackupsAndKeysSurvive');
        deny.actions = deny.actions?.filter((a) => a !== 'backup:DeleteBackupVaultLockConfiguration');
      },
      // Review of issue 23, finding 10: a lock re-put during its grace period never becomes immutable.
      'vault lock changes given back': (e) => {
        const deny = statement(e, 'boundary_document', 'BackupsAndKeysSurvive');
        deny.actions = deny.actions?.filter((a) => a !== 'backup:PutBackupVaultLockConfiguration');
      },
      'key deletion given back': (e) => {
        const deny = statement(e, 'boundary_document', 'BackupsAndKeysSurvive');
        deny.actions = deny.actions?.filter((a) => a !== 'kms:ScheduleKeyDeletion');
      },
    },
    alsoCompliant: {
      'every KMS action denied instead of the listed ones': (e) => {
        const deny = statement(e, 'boundary_document', 'BackupsAndKeysSurvive');
        deny.actions = [...(deny.actions ?? []).filter((a) => !a.startsWith('kms:')), 'kms:*'];
      },
    },
  },
};

describeRules(cases);

test('every delivery rule has its cases here', () => {
  const ids = policyRules.map((r) => r.id).filter((id) => /^LW-S3-|^LW-IAM-00[4-7]$/.test(id));
  expect(Object.keys(cases).sort()).toEqual(ids.sort());
});

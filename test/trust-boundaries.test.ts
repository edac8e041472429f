/**
 * The three attack paths of issue 23 and a fourth from its review (a copy of the data leaving the account), decided
 * against the synthesized policies (trust, identity, boundary, key and bucket policies) by an EMULATION of IAM's policy evaluation (test/support/iam-policy-evaluation.ts, after the AWS
 * IAM User Guide, "Policy evaluation logic"): each path is denied in every production environment, and the
 * development controls show the same evaluation allowing what dev deliberately keeps open (docs/threat-model.md).
 */
import { environments } from '../environments';
import type { EnvironmentConfig } from '../environments/config';
import { boundaryPolicy, policyStatements, type PolicyStatement } from '../policy/aws';
import type { Block, TerraformJson } from '../synth/terraform-json';
import {
  evaluate,
  evaluateKms,
  evaluateWebIdentity,
  type Decision,
  type IamRequest,
  type RoleSessionPolicies,
} from './support/iam-policy-evaluation';
import { AUDIT_TRAIL_NAME, DESTRUCTIVE_CALLS_ALARM, alarmRegions } from '../stacks/account-audit';
import { synthBootstrap, synthEnvironment } from './support/synth';

const OIDC = 'token.actions.githubusercontent.com';

/**
 * References whose value the stack already fixes (`${aws_s3_bucket.<n>.arn}`, `${aws_iam_role.<n>.arn}`: named by
 * config) replaced with the literal ARN; anything else (a key's ARN, unknown until apply) stays, and the emulation
 * refuses a statement holding it.
 */
function resolveReferences(stack: TerraformJson, statements: readonly PolicyStatement[]): PolicyStatement[] {
  const arnOf: Record<string, (b: Block) => string> = {
    aws_s3_bucket: (b) => `arn:aws:s3:::${String(b.bucket)}`,
    aws_iam_role: (b) => `arn:aws:iam::${accountOf(stack)}:role/${String(b.name)}`,
  };
  const resolve = (value: string) =>
    value.replace(
      /\$\{(aws_s3_bucket|aws_iam_role)\.([\w-]+)\.arn\}/g,
      (reference, type: string, name: string) => {
        const block = stack.resource?.[type]?.[name];
        return block ? arnOf[type](block) : reference;
      },
    );
  return statements.map((s) => ({
    ...s,
    resources: s.resources?.map(resolve),
    principals: s.principals?.map((p) => ({ ...p, identifiers: p.identifiers.map(resolve) })),
    condition: s.condition?.map((c) => ({ ...c, values: c.values.map(resolve) })),
  }));
}

/** The account the stack's AWS provider is pinned to. */
const accountOf = (stack: TerraformJson): string => {
  const providers = (stack.provider?.aws ?? []) as { allowed_account_ids?: string[] }[];
  const account = providers.find((p) => p.allowed_account_ids)?.allowed_account_ids?.[0];
  if (!account) throw new Error('no allowed_account_ids on the AWS provider');
  return account;
};

function documentOf(stack: TerraformJson, reference: unknown): PolicyStatement[] {
  const statements = policyStatements(reference, stack);
  if (!statements) throw new Error(`not a policy document: ${String(reference)}`);
  return resolveReferences(stack, statements);
}

const byName = (blocks: Record<string, Block> | undefined, name: string): Block => {
  const found = Object.values(blocks ?? {}).find((b) => b.name === name);
  if (!found) throw new Error(`nothing named ${name}`);
  return found;
};

/** A role's session policies: its inline policy (named after it) and its boundary, found in `boundaries`' stack. */
function session(stack: TerraformJson, roleName: string, boundaries: TerraformJson): RoleSessionPolicies {
  const role = byName(stack.resource?.aws_iam_role, roleName);
  const boundary = boundaryPolicy(boundaries, role.permissions_boundary);
  if (!boundary) throw new Error(`${roleName}: no boundary in the stack`);
  return {
    identity: documentOf(stack, byName(stack.resource?.aws_iam_role_policy, roleName).policy),
    boundary: documentOf(boundaries, boundary.policy),
  };
}

interface Account {
  readonly env: EnvironmentConfig;
  readonly bootstrap: TerraformJson;
  readonly stack: TerraformJson;
  readonly arn: (kind: string, name: string) => string;
  readonly as: (
    roleArn: string,
    action: string,
    resource: string,
    context?: IamRequest['context'],
  ) => IamRequest;
}

function account(env: EnvironmentConfig): Account {
  return {
    env,
    bootstrap: synthBootstrap(env),
    stack: synthEnvironment(env),
    arn: (kind, name) => `arn:aws:iam::${env.aws.accountId}:${kind}/${name}`,
    as: (roleArn, action, resource, context = {}) => ({
      action,
      resource,
      principal: { type: 'AWS', id: roleArn },
      context: { 'aws:PrincipalArn': roleArn, 'aws:SecureTransport': 'true', ...context },
    }),
  };
}

const production = environments.filter((e) => e.tier === 'production');
const development = environments.filter((e) => e.tier !== 'production');

describe.each(environments.map((e) => [e.name, e] as const))(
  'trust boundaries of %s (IAM evaluation emulated)',
  (_, env) => {
    const a = account(env);
    const { accountId, region } = env.aws;
    const { delivery } = env;
    const planArn = a.arn('role', delivery.planRole.name);
    const deployArn = a.arn('role', delivery.deployRole.name);
    const plan = session(a.bootstrap, delivery.planRole.name, a.bootstrap);
    const deploy = session(a.bootstrap, delivery.deployRole.name, a.bootstrap);
    const isProduction = env.tier === 'production';

    describe('path 1: a pull request branch reaching production credentials', () => {
      const trust = documentOf(
        a.bootstrap,
        byName(a.bootstrap.resource?.aws_iam_role, delivery.planRole.name).assume_role_policy,
      );
      const assume = (subject: string) =>
        evaluateWebIdentity(trust, planArn, `arn:aws:iam::${accountId}:oidc-provider/${OIDC}`, {
          [`${OIDC}:sub`]: `repo:${delivery.repository}:${subject}`,
          [`${OIDC}:aud`]: 'sts.amazonaws.com',
        });

      test(`a pull request's token ${isProduction ? 'is refused' : 'is accepted (dev stays open)'} by the plan role`, () => {
        expect(assume('pull_request')).toBe(isProduction ? 'implicit-deny' : 'allow');
        expect(assume('ref:refs/heads/feature')).toBe('implicit-deny');
      });

      test('the approved Environment (when gated) and the deploy branch are accepted', () => {
        expect(assume(`ref:refs/heads/${delivery.deployBranch}`)).toBe('allow');
        const gate = delivery.planRole.githubEnvironment;
        if (gate) expect(assume(`environment:${gate}`)).toBe('allow');
        expect(isProduction ? gate : 'ungated').toBeTruthy();
      });

      const instance = `arn:aws:ec2:${region}:${accountId}:instance/${delivery.databaseTunnelInstanceId}`;
      const request = (resource: string) =>
        a.as(planArn, 'ssm:StartSession', resource, { 'ssm:SessionDocumentAccessCheck': 'true' });
      const both = (decisions: Decision[]) => decisions.find((d) => d !== 'allow') ?? 'allow';
      /** StartSession naming a document is authorized on the instance and on the document. */
      const startSession = (document: string) =>
        both([instance, document].map((r) => evaluate(plan, request(r))));
      /**
       * StartSession naming no document opens SSM-SessionManagerRunShell; IAM checks that document only when the
       * allowing statement carries `ssm:SessionDocumentAccessCheck` (AWS Systems Manager User Guide, "Enforce a session
       * document permission check for the AWS CLI"), otherwise the instance alone.
       */
      const startShell = () => {
        const checksDocument = plan.identity.some(
          (s) =>
            s.actions?.includes('ssm:StartSession') &&
            s.condition?.some(
              (c) => c.variable === 'ssm:SessionDocumentAccessCheck' && c.values.includes('true'),
            ),
        );
        const shell = `arn:aws:ssm:${region}:${accountId}:document/SSM-SessionManagerRunShell`;
        return both((checksDocument ? [instance, shell] : [instance]).map((r) => evaluate(plan, request(r))));
      };

      test("the plan role forwards only to the database through the environment's document: no remote host of its choosing, no shell", () => {
        expect(
          startSession(`arn:aws:ssm:${region}::document/AWS-StartPortForwardingSessionToRemoteHost`),
        ).toBe('implicit-deny');
        expect(startShell()).toBe('implicit-deny');
        expect(startSession(`arn:aws:ssm:${region}:${accountId}:document/${env.name}-database-tunnel`)).toBe(
          'allow',
        );
      });

      test('the plan role cannot write or delete the state lock (a pull request never holds off a deploy)', () => {
        const lock = `arn:aws:s3:::${env.state.bucket}/${env.state.key}.tflock`;
        for (const action of ['s3:PutObject', 's3:DeleteObject'])
          expect(evaluate(plan, a.as(planArn, action, lock))).toBe('implicit-deny');
        expect(evaluate(deploy, a.as(deployArn, 's3:PutObject', lock))).toBe('allow');
      });

      test('what stays behind the gate: the master secret (the postgresql provider refreshes with it)', () => {
        const secret = `arn:aws:secretsmanager:${region}:${accountId}:secret:rds!db-0example`;
        expect(evaluate(plan, a.as(planArn, 'secretsmanager:GetSecretValue', secret))).toBe('allow');
      });
    });

    describe('path 2: the deploy role leaving its boundary through a role it manages', () => {
      const copyRoleArn = a.arn('role', `${env.name}-media-copy`);
      const workload = a.arn('policy', 'lightwave-workload-boundary');
      const delivery_ = a.arn('policy', 'lightwave-delivery-boundary');
      const iam = (action: string, resource: string, boundary?: string) =>
        evaluate(
          deploy,
          a.as(deployArn, action, resource, boundary ? { 'iam:PermissionsBoundary': boundary } : {}),
        );

      test('it creates the role only with the workload boundary', () => {
        expect(iam('iam:CreateRole', copyRoleArn)).toBe('explicit-deny');
        expect(iam('iam:CreateRole', copyRoleArn, delivery_)).toBe('explicit-deny');
        expect(iam('iam:CreateRole', copyRoleArn, workload)).toBe('allow');
      });

      test('it cannot remove, swap or rewrite a boundary, change a trust, or pass the role', () => {
        expect(iam('iam:DeleteRolePermissionsBoundary', copyRoleArn, workload)).toBe('explicit-deny');
        expect(iam('iam:PutRolePermissionsBoundary', copyRoleArn, delivery_)).toBe('explicit-deny');
        for (const policy of [workload, delivery_])
          for (const action of ['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:DeletePolicy'])
            expect(iam(action, policy)).toBe('explicit-deny');
        expect(iam('iam:UpdateAssumeRolePolicy', copyRoleArn, workload)).toBe('explicit-deny');
        expect(iam('iam:PassRole', copyRoleArn, workload)).not.toBe('allow');
      });

      test(`it cannot recreate the media copy role trusting another account: ${isProduction ? 'no deletion, ' : 'dev may delete it, but '}no trust rewrite`, () => {
        expect(env.dataProtection.mediaCopy.enabled).toBe(true);
        expect(iam('iam:DeleteRole', copyRoleArn)).toBe(isProduction ? 'explicit-deny' : 'allow');
        expect(iam('iam:UpdateAssumeRolePolicy', copyRoleArn)).toBe('explicit-deny');
        // Only when gone could it be created again (with any trust): CreateRole itself stays allowed, bounded.
        expect(iam('iam:CreateRole', copyRoleArn, workload)).toBe('allow');
      });

      test('a role it rewrites to allow everything, whatever it trusts, reaches no IAM, STS, secret or state', () => {
        const boundary = boundaryPolicy(a.bootstrap, workload);
        const rewritten: RoleSessionPolicies = {
          identity: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }],
          boundary: documentOf(a.bootstrap, boundary?.policy),
        };
        const escape = [
          [
            'secretsmanager:GetSecretValue',
            `arn:aws:secretsmanager:${region}:${accountId}:secret:rds!db-0example`,
          ],
          ['s3:GetObject', `arn:aws:s3:::${env.state.bucket}/${env.state.key}`],
          ['iam:CreateRole', a.arn('role', 'anything')],
          ['sts:AssumeRole', deployArn],
        ];
        for (const [action, resource] of escape)
          expect(evaluate(rewritten, a.as(copyRoleArn, action, resource))).toBe('implicit-deny');
        // Nor, in production, the key every recovery point is read with (path 3 through path 2).
        const databaseKey = Object.entries(a.stack.resource?.aws_kms_key ?? {}).find(([n]) =>
          n.startsWith('database_'),
        )?.[1];
        const key = `arn:aws:kms:${region}:${accountId}:key/00000000-0000-0000-0000-000000000000`;
        const schedule = { ...a.as(copyRoleArn, 'kms:ScheduleKeyDeletion', key), accountId };
        // Outside the workload boundary everywhere since review finding 3 narrowed it; denied outright in production.
        expect(evaluateKms(rewritten, schedule, documentOf(a.stack, databaseKey?.policy))).toBe(
          isProduction ? 'explicit-deny' : 'implicit-deny',
        );
      });
    });

    const { backup, mediaCopy, dr } = env.dataProtection;
    const vaults = Object.values(a.stack.resource?.aws_backup_vault ?? {}).map((v) => String(v.name));
    const keys = Object.entries(a.stack.resource?.aws_kms_key ?? {});
    const keyRegion = (name: string) => (name.includes('_dr_') ? dr.region : region);

    describe('path 3: the deploy role destroying every copy of the data', () => {
      const outcome = isProduction ? 'explicit-deny' : 'allow';

      test(`vault locks (deleted or re-put) and recovery points: ${isProduction ? 'denied' : 'dev keeps them changeable'}`, () => {
        expect(vaults.length).toBe(backup.enabled ? (backup.copyToDrRegion ? 2 : 1) : 0);
        for (const vault of vaults) {
          const arn = `arn:aws:backup:${vault.endsWith('-dr') ? dr.region : region}:${accountId}:backup-vault:${vault}`;
          expect(evaluate(deploy, a.as(deployArn, 'backup:DeleteBackupVaultLockConfiguration', arn))).toBe(
            backup.vaultLock.mode === 'none' && !isProduction ? 'allow' : outcome,
          );
          // Re-putting the lock in its grace period would keep it from ever becoming immutable (administrators only).
          expect(evaluate(deploy, a.as(deployArn, 'backup:PutBackupVaultLockConfiguration', arn))).toBe(
            outcome,
          );
        }
        const point = `arn:aws:backup:${region}:${accountId}:recovery-point:example`;
        expect(evaluate(deploy, a.as(deployArn, 'backup:DeleteRecoveryPoint', point))).not.toBe('allow');
      });

      test(`the database, DR and copy keys: deletion, disabling and key-policy changes ${isProduction ? 'denied' : 'allowed in dev'}`, () => {
        expect(keys.length).toBeGreaterThan(0);
        for (const [name, key] of keys) {
          const policy = documentOf(a.stack, key.policy);
          const arn = `arn:aws:kms:${keyRegion(name)}:${accountId}:key/00000000-0000-0000-0000-000000000000`;
          for (const action of ['kms:ScheduleKeyDeletion', 'kms:PutKeyPolicy'])
            expect([
              name,
              evaluateKms(deploy, { ...a.as(deployArn, action, arn), accountId }, policy),
            ]).toEqual([name, outcome]);
          expect(
            evaluateKms(deploy, { ...a.as(deployArn, 'kms:DisableKey', arn), accountId }, policy),
          ).not.toBe('allow');
        }
      });

      const drKeyTest = backup.enabled && backup.copyToDrRegion ? test : test.skip;
      drKeyTest("the DR key admits AWS Backup's role by its resolved ARN, no other role", () => {
        const drKey = keys.find(([n]) => n.includes('_dr_'))?.[1];
        const policy = documentOf(a.stack, drKey?.policy);
        const key = `arn:aws:kms:${dr.region}:${accountId}:key/00000000-0000-0000-0000-000000000000`;
        const encrypt = (roleName: string) =>
          evaluateKms(
            { identity: [] },
            { ...a.as(a.arn('role', roleName), 'kms:Encrypt', key), accountId },
            policy,
          );
        expect(encrypt(`${env.name}-database-backup`)).toBe('allow');
        expect(encrypt(`${env.name}-media-copy`)).toBe('implicit-deny');
      });

      const copyTest = mediaCopy.enabled ? test : test.skip;
      copyTest("the media copy's history: neither its writer nor the deploy role destroys it", () => {
        const bucketPolicy = documentOf(
          a.stack,
          Object.values(a.stack.resource?.aws_s3_bucket_policy ?? {})[0]?.policy,
        );
        const bucket = `arn:aws:s3:::${mediaCopy.bucketName}`;
        const copyRoleArn = a.arn('role', `${env.name}-media-copy`);
        const writer = session(a.stack, `${env.name}-media-copy`, a.bootstrap);
        const write = (who: RoleSessionPolicies, arn: string, action: string, resource: string) =>
          evaluate(who, a.as(arn, action, resource), bucketPolicy);
        expect(write(writer, copyRoleArn, 's3:DeleteObjectVersion', `${bucket}/mirror/a`)).toBe(
          'explicit-deny',
        );
        expect(write(writer, copyRoleArn, 's3:PutBucketPolicy', bucket)).toBe('explicit-deny');
        expect(write(writer, copyRoleArn, 's3:PutObject', `${bucket}/mirror/a`)).toBe('allow');
        expect(write(deploy, deployArn, 's3:PutBucketPolicy', bucket)).toBe(outcome);
        expect(write(deploy, deployArn, 's3:DeleteObjectVersion', `${bucket}/mirror/a`)).not.toBe('allow');
      });
    });

    describe('path 4: a copy of the data leaving the account (review of issue 23, finding 3)', () => {
      const outcome = isProduction ? 'explicit-deny' : 'implicit-deny';
      const copyRoleArn = a.arn('role', `${env.name}-media-copy`);
      const workloadBoundary = documentOf(
        a.bootstrap,
        boundaryPolicy(a.bootstrap, a.arn('policy', 'lightwave-workload-boundary'))?.policy,
      );
      /** A workload role the deploy role rewrote to allow everything (path 2), inside the workload boundary. */
      const rewritten: RoleSessionPolicies = {
        identity: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }],
        boundary: workloadBoundary,
      };
      const snapshot = `arn:aws:rds:${region}:${accountId}:snapshot:awsbackup:job-example`;
      const elsewhere = accountId === '999999999999' ? '888888888888' : '999999999999';

      test(`sharing a database snapshot with another account: ${isProduction ? 'denied' : 'outside the workload boundary'}`, () => {
        for (const action of ['rds:ModifyDBSnapshotAttribute', 'rds:ModifyDBClusterSnapshotAttribute']) {
          expect([action, evaluate(rewritten, a.as(copyRoleArn, action, snapshot))]).toEqual([
            action,
            outcome,
          ]);
          expect(evaluate(deploy, a.as(deployArn, action, snapshot))).toBe(outcome);
        }
        // The control: the same role may snapshot the instance (AWS Backup's role does).
        expect(evaluate(rewritten, a.as(copyRoleArn, 'rds:CreateDBSnapshot', snapshot))).toBe('allow');
      });

      test(`copying a recovery point into another account's vault: ${isProduction ? 'denied' : 'dev allows it'}`, () => {
        const point = `arn:aws:backup:${region}:${accountId}:recovery-point:example`;
        const copyTo = (vault: string) =>
          evaluate(
            rewritten,
            a.as(copyRoleArn, 'backup:CopyFromBackupVault', point, { 'backup:CopyTargets': [vault] }),
          );
        expect(copyTo(`arn:aws:backup:${dr.region}:${elsewhere}:backup-vault:elsewhere`)).toBe(
          isProduction ? 'explicit-deny' : 'allow',
        );
        expect(
          copyTo(`arn:aws:backup:${dr.region}:${accountId}:backup-vault:${env.name}-database-backups-dr`),
        ).toBe('allow');
      });

      test('a grant on the database key to a grantee of its choosing: denied (only grants AWS services create)', () => {
        const databaseKey = keys.find(([n]) => n.startsWith('database_'))?.[1];
        const keyPolicy = documentOf(a.stack, databaseKey?.policy);
        const key = `arn:aws:kms:${region}:${accountId}:key/00000000-0000-0000-0000-000000000000`;
        const grant = (who: RoleSessionPolicies, arn: string, forAwsResource?: string) =>
          evaluateKms(
            who,
            {
              ...a.as(arn, 'kms:CreateGrant', key, {
                'kms:GranteePrincipal': `arn:aws:iam::${elsewhere}:root`,
                ...(forAwsResource ? { 'kms:GrantIsForAWSResource': forAwsResource } : {}),
              }),
              accountId,
            },
            keyPolicy,
          );
        expect(grant(deploy, deployArn)).toBe('explicit-deny');
        expect(grant(deploy, deployArn, 'false')).toBe('explicit-deny');
        expect(grant(rewritten, copyRoleArn)).toBe('implicit-deny');
        // The control: RDS and AWS Backup creating a grant on the caller's behalf.
        expect(grant(deploy, deployArn, 'true')).toBe('allow');
        expect(grant(rewritten, copyRoleArn, 'true')).toBe('allow');
      });
    });

    describe('path 5: the deploy role silencing the alarm on destructive calls (every tier)', () => {
      const regions = alarmRegions([env]);

      test('its topics are never deleted, re-permissioned or unsubscribed, in any watched region', () => {
        expect(regions).toContain(region);
        for (const r of regions) {
          const topic = `arn:aws:sns:${r}:${accountId}:${DESTRUCTIVE_CALLS_ALARM}`;
          for (const action of ['sns:DeleteTopic', 'sns:SetTopicAttributes', 'sns:RemovePermission'])
            expect([action, evaluate(deploy, a.as(deployArn, action, topic))]).toEqual([
              action,
              'explicit-deny',
            ]);
          expect(evaluate(deploy, a.as(deployArn, 'sns:Unsubscribe', `${topic}:0000-subscription`))).toBe(
            'explicit-deny',
          );
        }
      });

      test('the trail and the rules are out of its reach (no cloudtrail or events action in the boundary)', () => {
        const trail = `arn:aws:cloudtrail:${region}:${accountId}:trail/${AUDIT_TRAIL_NAME}`;
        const rule = `arn:aws:events:${region}:${accountId}:rule/${DESTRUCTIVE_CALLS_ALARM}`;
        for (const [action, arn] of [
          ['cloudtrail:StopLogging', trail],
          ['cloudtrail:DeleteTrail', trail],
          ['events:DeleteRule', rule],
          ['events:RemoveTargets', rule],
        ])
          expect([action, evaluate(deploy, a.as(deployArn, action, arn))]).toEqual([action, 'implicit-deny']);
      });

      test("the trail's and the topics' keys: only the administrators manage them", () => {
        const auditKeys = Object.entries(a.bootstrap.resource?.aws_kms_key ?? {}).filter(([n]) =>
          n.startsWith('audit_'),
        );
        expect(auditKeys.length).toBe(1 + regions.length);
        for (const [name, key] of auditKeys) {
          const policy = documentOf(a.bootstrap, key.policy);
          const arn = `arn:aws:kms:${region}:${accountId}:key/00000000-0000-0000-0000-000000000000`;
          for (const action of ['kms:ScheduleKeyDeletion', 'kms:PutKeyPolicy', 'kms:DisableKey'])
            expect([
              name,
              action,
              evaluateKms(deploy, { ...a.as(deployArn, action, arn), accountId }, policy),
            ]).not.toEqual([name, action, 'allow']);
        }
      });
    });
  },
);

test('the registry has environments of both tiers to judge (the paths are asserted per tier)', () => {
  expect(production.length).toBeGreaterThan(0);
  expect(development.length).toBeGreaterThan(0);
});

describe('the IAM evaluation emulation itself', () => {
  const allowAll: PolicyStatement = { effect: 'Allow', actions: ['s3:*'], resources: ['*'] };
  const request: IamRequest = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };

  test('an explicit Deny in any policy wins over every Allow', () => {
    const deny: PolicyStatement = { effect: 'Deny', actions: ['s3:Get*'], resources: ['arn:aws:s3:::b/*'] };
    expect(evaluate({ identity: [allowAll] }, request)).toBe('allow');
    expect(evaluate({ identity: [allowAll, deny] }, request)).toBe('explicit-deny');
    expect(evaluate({ identity: [allowAll], boundary: [allowAll, deny] }, request)).toBe('explicit-deny');
  });

  test('a role session gets the intersection of its identity policy and its boundary', () => {
    expect(
      evaluate({ identity: [allowAll], boundary: [{ actions: ['ec2:*'], resources: ['*'] }] }, request),
    ).toBe('implicit-deny');
    expect(evaluate({ identity: [], boundary: [allowAll] }, request)).toBe('implicit-deny');
  });

  test('a statement holding an unresolved Terraform reference throws instead of never matching', () => {
    const unresolved: PolicyStatement = { ...allowAll, resources: ['${aws_s3_bucket.b.arn}/*'] };
    expect(() => evaluate({ identity: [unresolved] }, request)).toThrow(/unresolved reference/);
    const principal: PolicyStatement = {
      ...allowAll,
      principals: [{ type: 'AWS', identifiers: ['${aws_iam_role.r.arn}'] }],
    };
    expect(() => evaluate({ identity: [] }, request, [principal])).toThrow(/unresolved reference/);
  });

  test('conditions: a Not operator and IfExists hold on an absent key, StringEquals does not', () => {
    const withCondition = (test: string): PolicyStatement => ({
      ...allowAll,
      condition: [{ test, variable: 'iam:PermissionsBoundary', values: ['arn:aws:iam::1:policy/b'] }],
    });
    expect(evaluate({ identity: [withCondition('StringEquals')] }, request)).toBe('implicit-deny');
    expect(evaluate({ identity: [withCondition('StringNotEquals')] }, request)).toBe('allow');
    expect(evaluate({ identity: [withCondition('StringEqualsIfExists')] }, request)).toBe('allow');
    expect(() => evaluate({ identity: [withCondition('NumericLessThan')] }, request)).toThrow(/not emulated/);
  });
});

/**
 * Offline proof of the bootstrap stacks with the real AWS provider: the state bucket is private, TLS-only and
 * encrypted with its own key; the roles trust only this repository's GitHub OIDC subjects (production's plan role
 * its plan Environment, never a pull request); the plan role writes nothing (it opens the database tunnel through
 * the environment's own document); the deploy role manages only the roles the environment stack creates, under the
 * workload boundary.
 *
 * @slow ~45 s on a cold CI machine: terraform plans of the bootstrap stacks with the real AWS provider.
 */
import { environments } from '../../environments';
import { awsPart } from '../../review/terraform/aws-part';
import { AUDIT_TRAIL_NAME, DESTRUCTIVE_CALLS_ALARM, alarmRegions } from '../../stacks/account-audit';
import { planOffline, type OfflinePlan } from '../../review/terraform/offline-plan';
import { synthBootstrap, synthEnvironment } from '../support/synth';
import { toolchainOrSkip } from '../support/toolchain-or-skip';

const toolchain = toolchainOrSkip('5.100.0');
const describeOffline = toolchain ? describe : describe.skip;

jest.setTimeout(10 * 60_000);

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : [value].flat());
/** AWS's Read and List access levels are named Describe*, Get*, List*, BatchGet*; decrypting changes nothing either. */
const isRead = (action: string): boolean =>
  /^[a-z0-9-]+:(Describe|Get|List|BatchGet)[A-Za-z0-9]*\*?$/.test(action) || action === 'kms:Decrypt';

describeOffline.each(environments.map((env) => [env.name, env] as const))(
  'offline plan of bootstrap-%s',
  (_n, env) => {
    const stack = synthBootstrap(env);
    let result: OfflinePlan;

    beforeAll(() => {
      if (toolchain) result = planOffline(toolchain, awsPart(stack));
    });

    const planned = (address: string): Record<string, unknown> => {
      const resource = result.resources.get(address);
      if (!resource) throw new Error(`${address} is not in the plan`);
      return resource.values;
    };
    const document = (address: string, attribute: string): Statement[] => {
      const text = planned(address)[attribute];
      if (typeof text !== 'string') throw new Error(`${address}.${attribute} is not known at plan time`);
      return (JSON.parse(text) as { Statement: Statement[] }).Statement;
    };
    const bucketArn = `arn:aws:s3:::${env.state.bucket}`;
    const repository = env.delivery.repository;

    test('terraform validate accepts it and the plan creates every resource', () => {
      expect(result.validate).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
      const changes = result.plan.resource_changes ?? [];
      for (const change of changes) expect(change.change.actions).toEqual(['create']);
      const synthesized = Object.entries(stack.resource ?? {}).flatMap(([type, byName]) =>
        Object.keys(byName).map((name) => `${type}.${name}`),
      );
      expect(changes.map((c) => c.address).sort()).toEqual(synthesized.sort());
    });

    test('state bucket: versioned, KMS-encrypted, ACLs off, every public access blocked, guarded', () => {
      expect(planned('aws_s3_bucket.state_bucket')).toEqual(
        expect.objectContaining({ bucket: env.state.bucket, force_destroy: false }),
      );
      expect(stack.resource?.aws_s3_bucket?.state_bucket.lifecycle).toEqual({ prevent_destroy: true });
      expect(planned('aws_s3_bucket_versioning.state_versioning').versioning_configuration).toEqual([
        expect.objectContaining({ status: 'Enabled' }),
      ]);
      const encryption = planned('aws_s3_bucket_server_side_encryption_configuration.state_encryption');
      expect(encryption.rule).toEqual([
        expect.objectContaining({
          bucket_key_enabled: true,
          apply_server_side_encryption_by_default: [expect.objectContaining({ sse_algorithm: 'aws:kms' })],
        }),
      ]);
      expect(planned('aws_s3_bucket_public_access_block.state_public_access_block')).toEqual(
        expect.objectContaining({
          block_public_acls: true,
          block_public_policy: true,
          ignore_public_acls: true,
          restrict_public_buckets: true,
        }),
      );
      expect(planned('aws_s3_bucket_ownership_controls.state_ownership').rule).toEqual([
        { object_ownership: 'BucketOwnerEnforced' },
      ]);
      expect(planned('aws_kms_key.state_kms_key')).toEqual(
        expect.objectContaining({ enable_key_rotation: true }),
      );
      const rules = planned('aws_s3_bucket_lifecycle_configuration.state_lifecycle').rule as Record<
        string,
        unknown
      >[];
      expect(rules.flatMap((r) => r.noncurrent_version_expiration as unknown[])).toEqual([
        expect.objectContaining({ noncurrent_days: env.state.noncurrentVersionExpirationDays }),
      ]);
    });

    test('bucket policy: TLS only (≥ 1.2), KMS-encrypted uploads only, state readable only by the roles and admins', () => {
      const statements = document('aws_s3_bucket_policy.state_policy', 'policy');
      expect(statements.filter((s) => s.Effect === 'Allow')).toEqual([]);
      const bySid = new Map(statements.map((s) => [s.Sid, s]));
      expect(bySid.get('DenyInsecureTransport')).toEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
      expect(list(bySid.get('DenyInsecureTransport')?.Resource).sort()).toEqual([
        bucketArn,
        `${bucketArn}/*`,
      ]);
      expect(bySid.get('DenyTlsOlderThan12')?.Condition).toEqual({
        NumericLessThan: { 's3:TlsVersion': '1.2' },
      });
      expect(bySid.get('DenyUploadsNotEncryptedWithKms')?.Condition).toEqual({
        StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' },
      });
      const readers = list(bySid.get('DenyStateAccessToOthers')?.Condition?.ArnNotEquals['aws:PrincipalArn']);
      expect(readers.sort()).toEqual(
        [
          ...env.delivery.administratorArns,
          `arn:aws:iam::${env.aws.accountId}:role/${env.delivery.planRole.name}`,
          `arn:aws:iam::${env.aws.accountId}:role/${env.delivery.deployRole.name}`,
        ].sort(),
      );
    });

    test('state key policy: only the administrators manage it, only they and the roles use it', () => {
      const statements = document('aws_kms_key.state_kms_key', 'policy');
      const roles = [env.delivery.planRole.name, env.delivery.deployRole.name].map(
        (n) => `arn:aws:iam::${env.aws.accountId}:role/${n}`,
      );
      const principalsOf = (sid: string) =>
        list(statements.find((s) => s.Sid === sid)?.Condition?.ArnEquals['aws:PrincipalArn']).sort();
      expect(statements.map((s) => s.Sid).sort()).toEqual([
        'AdministratorsManageTheKey',
        'StateReadersUseTheKeyThroughS3',
      ]);
      expect(principalsOf('AdministratorsManageTheKey')).toEqual([...env.delivery.administratorArns].sort());
      expect(principalsOf('StateReadersUseTheKeyThroughS3')).toEqual(
        [...env.delivery.administratorArns, ...roles].sort(),
      );
      expect(list(statements.find((s) => s.Sid === 'AdministratorsManageTheKey')?.Action)).not.toContain(
        'kms:Decrypt',
      );
    });

    test('GitHub OIDC provider: the Actions issuer, audience sts.amazonaws.com', () => {
      expect(planned('aws_iam_openid_connect_provider.github_oidc')).toEqual(
        expect.objectContaining({
          url: 'https://token.actions.githubusercontent.com',
          client_id_list: ['sts.amazonaws.com'],
        }),
      );
    });

    const trustOf = (role: string) => {
      const statements = document(`aws_iam_role.${role}`, 'assume_role_policy');
      expect(statements).toHaveLength(1);
      const [trust] = statements;
      expect(trust).toEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: {
            Federated: `arn:aws:iam::${env.aws.accountId}:oidc-provider/token.actions.githubusercontent.com`,
          },
        }),
      );
      expect(Object.keys(trust.Condition ?? {})).toEqual(['StringEquals']);
      expect(trust.Condition?.StringEquals['token.actions.githubusercontent.com:aud']).toBe(
        'sts.amazonaws.com',
      );
      return list(trust.Condition?.StringEquals['token.actions.githubusercontent.com:sub']).sort();
    };

    test('plan role trusts only its plan Environment (else pull requests) and the deploy branch of this repository', () => {
      const gate = env.delivery.planRole.githubEnvironment;
      expect(trustOf(`${env.name}_plan_role`)).toEqual(
        [
          gate ? `repo:${repository}:environment:${gate}` : `repo:${repository}:pull_request`,
          `repo:${repository}:ref:refs/heads/${env.delivery.deployBranch}`,
        ].sort(),
      );
    });

    test("deploy role trusts only this repository's GitHub Environment (reviewers and branch rule gate it)", () => {
      expect(trustOf(`${env.name}_deploy_role`)).toEqual([
        `repo:${repository}:environment:${env.delivery.githubEnvironment}`,
      ]);
    });

    test('both roles carry the delivery permissions boundary', () => {
      const boundary = `arn:aws:iam::${env.aws.accountId}:policy/lightwave-delivery-boundary`;
      expect(planned(`aws_iam_role.${env.name}_plan_role`).permissions_boundary).toBe(boundary);
      expect(planned(`aws_iam_role.${env.name}_deploy_role`).permissions_boundary).toBe(boundary);
      expect(planned('aws_iam_policy.boundary_policy').name).toBe('lightwave-delivery-boundary');
    });

    test('plan role: reads; its only write is the tunnel, through the environment document', () => {
      const allows = document(`aws_iam_role_policy.${env.name}_plan_policy`, 'policy').filter(
        (s) => s.Effect === 'Allow',
      );
      const writes = allows.flatMap((s) =>
        list(s.Action)
          .filter((a) => !isRead(a))
          .map((action) => ({ action, resources: list(s.Resource).sort(), condition: s.Condition })),
      );
      expect(writes.map((w) => w.action)).toEqual(['ssm:StartSession']);
      const tunnelDocument = `${env.name}-database-tunnel`;
      expect(writes[0].resources).toEqual(
        [
          `arn:aws:ec2:${env.aws.region}:${env.aws.accountId}:instance/${env.delivery.databaseTunnelInstanceId}`,
          `arn:aws:ssm:${env.aws.region}:${env.aws.accountId}:document/${tunnelDocument}`,
        ].sort(),
      );
      expect(writes[0].condition).toEqual({ BoolIfExists: { 'ssm:SessionDocumentAccessCheck': 'true' } });
      const stateReads = allows.filter((s) => list(s.Action).includes('s3:GetObject'));
      expect(stateReads.flatMap((s) => list(s.Resource))).toEqual([`${bucketArn}/${env.state.key}`]);
    });

    test('tunnel document: port forwarding to the RDS endpoint on the database port only', () => {
      const tunnel = planned(`aws_ssm_document.${env.name}_database_tunnel_document`);
      expect(tunnel).toEqual(expect.objectContaining({ document_type: 'Session', document_format: 'JSON' }));
      const content = JSON.parse(String(tunnel.content)) as {
        sessionType: string;
        parameters: Record<string, { allowedPattern: string }>;
        properties: Record<string, string>;
      };
      expect(content.sessionType).toBe('Port');
      expect(content.properties).toEqual({
        type: 'LocalPortForwarding',
        host: '{{ host }}',
        portNumber: String(env.database.port),
        localPortNumber: '{{ localPortNumber }}',
      });
      const host = new RegExp(content.parameters.host.allowedPattern);
      expect(host.test(`${env.database.identifier}.c1a2b3c4d5e6.${env.aws.region}.rds.amazonaws.com`)).toBe(
        true,
      );
      expect(host.test('169.254.169.254')).toBe(false);
      expect(host.test(`other.c1a2b3c4d5e6.${env.aws.region}.rds.amazonaws.com`)).toBe(false);
    });

    test("both roles: S3 on the state, and on the media copy bucket's settings only, never its objects", () => {
      const copyBucket = `arn:aws:s3:::${env.dataProtection.mediaCopy.bucketName}`;
      for (const role of ['plan', 'deploy']) {
        const s3Resources = document(`aws_iam_role_policy.${env.name}_${role}_policy`, 'policy')
          .filter((s) => s.Effect === 'Allow' && list(s.Action).some((a) => a.startsWith('s3:')))
          .flatMap((s) => list(s.Resource));
        expect(s3Resources).toContain(copyBucket);
        expect(s3Resources.filter((r) => r !== copyBucket && !r.startsWith(bucketArn))).toEqual([]);
      }
    });

    test('deploy role: creates roles and writes their policies only under the workload boundary', () => {
      const workload = `arn:aws:iam::${env.aws.accountId}:policy/lightwave-workload-boundary`;
      const bounded =
        /^iam:(CreateRole|PutRolePermissionsBoundary|PutRolePolicy|DeleteRolePolicy|AttachRolePolicy|DetachRolePolicy)$/;
      const allows = document(`aws_iam_role_policy.${env.name}_deploy_policy`, 'policy').filter(
        (s) => s.Effect === 'Allow' && list(s.Action).some((a) => bounded.test(a)),
      );
      expect(allows.length).toBeGreaterThan(0);
      for (const s of allows) expect(s.Condition?.StringEquals?.['iam:PermissionsBoundary']).toBe(workload);
      expect(planned('aws_iam_policy.workload_boundary_policy').name).toBe('lightwave-workload-boundary');
    });

    test('deploy role: no wildcard action, and IAM only on the roles the environment stack owns', () => {
      const allows = document(`aws_iam_role_policy.${env.name}_deploy_policy`, 'policy').filter(
        (s) => s.Effect === 'Allow',
      );
      for (const s of allows) {
        for (const action of list(s.Action)) expect(action).not.toMatch(/^(\*|[a-z0-9-]+:\*)$/);
        if (list(s.Action).some((a) => a.startsWith('iam:'))) expect(list(s.Resource)).not.toContain('*');
      }
      const iamResources = allows
        .filter((s) => list(s.Action).some((a) => a.startsWith('iam:')))
        .flatMap((s) => list(s.Resource));
      const ownedRoles = Object.values(synthEnvironment(env).resource?.aws_iam_role ?? {}).map(
        (role) => `arn:aws:iam::${env.aws.accountId}:role/${String(role.name)}`,
      );
      expect(ownedRoles.length).toBeGreaterThan(0);
      expect([...new Set(iamResources)].sort()).toEqual(
        [
          ...ownedRoles,
          ...['rds', 'backup'].map(
            (service) => `arn:aws:iam::${env.aws.accountId}:role/aws-service-role/${service}.amazonaws.com/*`,
          ),
        ].sort(),
      );
    });

    test('audit trail: every region, validated, KMS-encrypted, delivered only for this trail', () => {
      const { accountId, region } = env.aws;
      const trailArn = `arn:aws:cloudtrail:${region}:${accountId}:trail/${AUDIT_TRAIL_NAME}`;
      expect(planned('aws_cloudtrail.audit_trail_trail')).toEqual(
        expect.objectContaining({
          name: AUDIT_TRAIL_NAME,
          s3_bucket_name: env.observability.auditTrail.bucketName,
          is_multi_region_trail: true,
          include_global_service_events: true,
          enable_log_file_validation: true,
          enable_logging: true,
        }),
      );
      const delivery = document('aws_s3_bucket_policy.audit_trail_bucket_policy', 'policy').filter(
        (s) => s.Effect === 'Allow',
      );
      expect(delivery.map((s) => s.Sid).sort()).toEqual([
        'CloudTrailChecksTheBucket',
        'CloudTrailDeliversLogFiles',
      ]);
      for (const statement of delivery) {
        expect(statement.Principal).toEqual({ Service: 'cloudtrail.amazonaws.com' });
        expect(statement.Condition?.StringEquals?.['aws:SourceArn']).toBe(trailArn);
      }
      const key = document('aws_kms_key.audit_trail_kms_key', 'policy');
      expect(
        key.filter((s) => JSON.stringify(s.Principal ?? '').includes(':root') && s.Action === 'kms:*'),
      ).toEqual([]);
    });

    test('destructive-call alarm in every watched region: the rule publishes to its encrypted topic, mailed to the recipients', () => {
      const { accountId } = env.aws;
      for (const watched of alarmRegions([env])) {
        const prefix = `audit_destructive_calls${watched === env.aws.region ? '' : `_${watched.replace(/-/g, '_')}`}`;
        const ruleArn = `arn:aws:events:${watched}:${accountId}:rule/${DESTRUCTIVE_CALLS_ALARM}`;
        const pattern = JSON.parse(
          String(planned(`aws_cloudwatch_event_rule.${prefix}_rule`).event_pattern),
        ) as {
          $or: { detail: { eventName: string[] } }[];
        };
        expect(pattern.$or.flatMap((b) => b.detail.eventName)).toEqual(
          expect.arrayContaining([
            'ScheduleKeyDeletion',
            'DeleteBackupVaultLockConfiguration',
            'StopLogging',
          ]),
        );
        const publish = document(`aws_sns_topic_policy.${prefix}_topic_policy`, 'policy').find(
          (s) => s.Sid === 'TheRulePublishes',
        );
        expect(publish?.Condition).toEqual({ ArnEquals: { 'aws:SourceArn': ruleArn } });
        const keyUse = document(`aws_kms_key.${prefix}_kms_key`, 'policy').find(
          (s) => s.Sid === 'TheRuleEncryptsThroughSns',
        );
        expect(keyUse?.Principal).toEqual({ Service: 'events.amazonaws.com' });
        expect(keyUse?.Condition).toEqual({ ArnEquals: { 'aws:SourceArn': ruleArn } });
        for (const email of env.observability.recipients.emails)
          expect(
            planned(`aws_sns_topic_subscription.${prefix}_email_${email.replace(/[^A-Za-z0-9]+/g, '_')}`),
          ).toEqual(expect.objectContaining({ protocol: 'email', endpoint: email }));
      }
    });
  },
);

/**
 * Data protection layer: the backup plan and its vaults per environment, the copy bucket and the role of the copy
 * job, and the job itself (restricted pod, only the STS token, pinned image, egress to R2 and AWS only).
 */
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { backupSchedules, backupStartHour } from '../constructs/backup-schedule';
import { get } from '../synth/synthesized-environment';
import { onlyResource, resourcesOfType, type Block } from '../synth/terraform-json';
import { synthBootstrap, synthEnvironment, withChange } from './support/synth';

const prodStack = synthEnvironment(prod);
const devStack = synthEnvironment(dev);
const names = (stack = prodStack, type: string) => Object.keys(resourcesOfType(stack, type)).sort();

describe('AWS Backup', () => {
  test('runs an hour after the RDS backup window ends, daily and on the first of the month', () => {
    expect(backupStartHour('03:00-03:30')).toBe(5);
    expect(backupStartHour('23:00-23:30')).toBe(1);
    expect(backupSchedules(prod.database.backupWindow)).toEqual({
      daily: 'cron(0 5 ? * * *)',
      monthly: 'cron(0 5 1 * ? *)',
    });
  });

  test('prod: a vault per region, the DR one through the dr provider on its own key; both locked and guarded', () => {
    const vaults = resourcesOfType(prodStack, 'aws_backup_vault');
    expect(Object.keys(vaults).sort()).toEqual(['data_protection_dr_vault', 'data_protection_primary_vault']);
    expect(vaults.data_protection_primary_vault).toEqual(
      expect.objectContaining({
        name: 'prod-database-backups',
        kms_key_arn: '${aws_kms_key.database_kms_key.arn}',
        lifecycle: { prevent_destroy: true },
      }),
    );
    expect(vaults.data_protection_dr_vault).toEqual(
      expect.objectContaining({
        name: 'prod-database-backups-dr',
        provider: 'aws.dr',
        kms_key_arn: '${aws_kms_key.data_protection_dr_kms_key.arn}',
        lifecycle: { prevent_destroy: true },
      }),
    );
    expect(resourcesOfType(prodStack, 'aws_kms_key').data_protection_dr_kms_key).toEqual(
      expect.objectContaining({
        provider: 'aws.dr',
        deletion_window_in_days: 30,
        lifecycle: { prevent_destroy: true },
      }),
    );
    const locks = resourcesOfType(prodStack, 'aws_backup_vault_lock_configuration');
    expect(locks.data_protection_primary_lock).toEqual(
      expect.objectContaining({ min_retention_days: 14, max_retention_days: 180 }),
    );
    expect(locks.data_protection_dr_lock).toEqual(expect.objectContaining({ provider: 'aws.dr' }));
    // Compliance mode in production (the deploy role could lift a governance lock): the days come from config.
    const lock = prod.dataProtection.backup.vaultLock;
    for (const l of Object.values(locks))
      expect(l.changeable_for_days).toBe(lock.mode === 'compliance' ? lock.changeableForDays : undefined);
    expect(lock.mode).toBe('compliance');
  });

  test('a restore to a new database identifier leaves every data protection resource as it is', () => {
    const restored = synthEnvironment(
      withChange(prod, (e) => {
        e.database.identifier = 'lightwave-prod-r1';
        e.database.restore = {
          from: { pointInTime: { sourceInstance: 'lightwave-prod', time: 'latest' } },
          replaces: 'lightwave-prod',
          destroyReplacedInstance: true,
        };
      }),
    );
    // A vault named after the instance would be replaced: prevent_destroy fails the plan in prod, and AWS Backup
    // refuses to delete a vault holding recovery points.
    const layer = (stack: typeof prodStack) =>
      Object.entries(stack.resource ?? {}).flatMap(([type, byName]) =>
        Object.entries(byName)
          .filter(([name]) => name.startsWith('data_protection_'))
          .map(([name, block]) => [`${type}.${name}`, block]),
      );
    expect(layer(restored).length).toBeGreaterThan(20);
    expect(layer(restored)).toEqual(layer(prodStack));
  });

  test("during a restore to a new identifier the deploy role may also delete the replaced instance's monitoring role", () => {
    const monitoringRoles = (env: typeof prod) => {
      const permissions = synthBootstrap(env).data!.aws_iam_policy_document.prod_deploy_permissions;
      const statements = permissions.statement as { sid: string; resources: string[] }[];
      return ['ManageMonitoringRole', 'AttachOnlyEnhancedMonitoringPolicy'].map(
        (sid) => statements.find((st) => st.sid === sid)?.resources,
      );
    };
    const restoring = withChange(prod, (e) => {
      e.database.identifier = 'lightwave-prod-r1';
      e.database.restore = {
        from: { pointInTime: { sourceInstance: 'lightwave-prod', time: 'latest' } },
        replaces: 'lightwave-prod',
        destroyReplacedInstance: true,
      };
    });
    const both = [
      'arn:aws:iam::222222222222:role/lightwave-prod-r1-rds-monitoring',
      'arn:aws:iam::222222222222:role/lightwave-prod-rds-monitoring',
    ];
    expect(monitoringRoles(restoring)).toEqual([both, both]);
    const cleanedUp = withChange(restoring, (e) => delete e.database.restore);
    expect(monitoringRoles(cleanedUp)).toEqual([[both[0]], [both[0]]]);
  });

  test('a compliance lock carries its grace period', () => {
    const stack = synthEnvironment(
      withChange(
        prod,
        (e) => (e.dataProtection.backup.vaultLock = { mode: 'compliance', changeableForDays: 7 }),
      ),
    );
    expect(
      resourcesOfType(stack, 'aws_backup_vault_lock_configuration').data_protection_primary_lock,
    ).toEqual(expect.objectContaining({ changeable_for_days: 7 }));
  });

  test('dev: one unlocked vault in the region, no copy', () => {
    expect(names(devStack, 'aws_backup_vault')).toEqual(['data_protection_primary_vault']);
    expect(names(devStack, 'aws_backup_vault_lock_configuration')).toEqual([]);
    expect(JSON.stringify(onlyResource(devStack, 'aws_backup_plan'))).not.toContain('copy_action');
  });

  test('the selection names the instance, through the AWS Backup role', () => {
    expect(onlyResource(prodStack, 'aws_backup_selection')).toEqual(
      expect.objectContaining({
        resources: ['${aws_db_instance.database_instance.arn}'],
        iam_role_arn: '${aws_iam_role.data_protection_backup_role.arn}',
      }),
    );
  });
});

describe('media copy', () => {
  const job = onlyResource(prodStack, 'kubernetes_cron_job_v1');
  const pod = get(job, 'spec', 'job_template', 'spec', 'template', 'spec') as Block;
  const container = (pod.container as Block[])[0];

  test('the bucket is guarded in prod, and overwritten copies expire with the configured retention', () => {
    expect(onlyResource(prodStack, 'aws_s3_bucket')).toEqual(
      expect.objectContaining({
        bucket: prod.dataProtection.mediaCopy.bucketName,
        lifecycle: { prevent_destroy: true },
      }),
    );
    const rules = onlyResource(prodStack, 'aws_s3_bucket_lifecycle_configuration').rule as Block[];
    expect(rules.find((r) => r.id === 'expire-overwritten')).toEqual(
      expect.objectContaining({ filter: [{ prefix: 'overwritten/' }], expiration: [{ days: 90 }] }),
    );
    const [tls] = get(
      prodStack.data,
      'aws_iam_policy_document',
      'data_protection_media_copy_policy_document',
      'statement',
    ) as Block[];
    expect(tls).toEqual(
      expect.objectContaining({
        effect: 'Deny',
        condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
      }),
    );
  });

  test('the role trusts only the job service account, and can never delete a version', () => {
    const [trust] = get(
      prodStack.data,
      'aws_iam_policy_document',
      'data_protection_media_copy_irsa_trust',
      'statement',
    ) as Block[];
    const issuer = prod.cluster.oidcIssuerUrl.replace('https://', '');
    expect(trust.condition).toEqual([
      {
        test: 'StringEquals',
        variable: `${issuer}:sub`,
        values: ['system:serviceaccount:shared:media-copy'],
      },
      { test: 'StringEquals', variable: `${issuer}:aud`, values: ['sts.amazonaws.com'] },
    ]);
    const statements = get(
      prodStack.data,
      'aws_iam_policy_document',
      'data_protection_media_copy_irsa_permissions',
    ) as {
      statement: Block[];
    };
    const allowed = statements.statement
      .filter((s) => s.effect !== 'Deny')
      .flatMap((s) => s.actions as string[]);
    expect(allowed).not.toContain('s3:DeleteObjectVersion');
    // The deny sits in the bucket policy, which the role (and in production the deploy role) cannot rewrite.
    const bucketPolicy = get(
      prodStack.data,
      'aws_iam_policy_document',
      'data_protection_media_copy_policy_document',
      'statement',
    ) as Block[];
    expect(bucketPolicy.find((s) => s.sid === 'WritersNeverDestroyHistory')).toEqual(
      expect.objectContaining({
        effect: 'Deny',
        actions: expect.arrayContaining(['s3:DeleteObjectVersion', 's3:PutBucketPolicy']),
        condition: [
          {
            test: 'ArnEquals',
            variable: 'aws:PrincipalArn',
            values: [`arn:aws:iam::${prod.aws.accountId}:role/prod-media-copy`],
          },
        ],
      }),
    );
  });

  test('R2 is read with a read-only token on the one bucket', () => {
    const token = resourcesOfType(prodStack, 'cloudflare_account_token').data_protection_media_copy_token;
    expect(JSON.stringify(token.policies)).toContain('data_protection_permission_object_read');
    expect(JSON.stringify(token.policies)).not.toContain('object_write');
  });

  test('the pod is restricted and mounts no Kubernetes API token, only the STS-audience one', () => {
    expect(pod).toEqual(
      expect.objectContaining({
        automount_service_account_token: false,
        service_account_name: expect.stringContaining(
          'kubernetes_service_account_v1.data_protection_media_copy_job',
        ),
      }),
    );
    expect(container.security_context).toEqual(
      expect.objectContaining({
        allow_privilege_escalation: false,
        read_only_root_filesystem: true,
        run_as_non_root: true,
        capabilities: { drop: ['ALL'] },
      }),
    );
    const projected = (pod.volume as Block[]).find((v) => v.name === 'aws-token');
    expect(JSON.stringify(projected)).toContain('"audience":"sts.amazonaws.com"');
    const { image } = prod.dataProtection.mediaCopy;
    expect(container.image).toBe(`${image.repository}:${image.tag}`);
    expect(onlyResource(prodStack, 'kubernetes_service_account_v1').automount_service_account_token).toBe(
      false,
    );
  });

  test('egress: 443 to Cloudflare and to the configured AWS ranges, nothing else', () => {
    const policy = resourcesOfType(
      prodStack,
      'kubernetes_network_policy_v1',
    ).data_protection_media_copy_job_egress;
    const [egress] = get(policy, 'spec', 'egress') as Block[];
    const cidrs = (egress.to as { ip_block: { cidr: string } }[]).map((p) => p.ip_block.cidr);
    const { r2HttpsEgressCidrs, awsHttpsEgressCidrs } = prod.dataProtection.mediaCopy;
    expect(cidrs).toEqual([...r2HttpsEgressCidrs, ...awsHttpsEgressCidrs]);
    expect(egress.ports).toEqual([{ port: '443', protocol: 'TCP' }]);
  });

  test('a disabled copy synthesizes no bucket, role or job', () => {
    const stack = synthEnvironment(withChange(dev, (e) => (e.dataProtection.mediaCopy.enabled = false)));
    expect(names(stack, 'aws_s3_bucket')).toEqual([]);
    expect(names(stack, 'kubernetes_cron_job_v1')).toEqual([]);
  });
});

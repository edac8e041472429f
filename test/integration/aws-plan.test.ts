/**
 * Offline proof with the real AWS provider: the AWS part of each environment passes `terraform validate` and
 * `terraform plan`, and the planned values carry what the layers promise.
 *
 * @slow ~45 s on a cold CI machine: terraform validate and plans with the real AWS provider.
 */
import { connectionBudgetOf } from '../../environments/connection-budget';
import { environments } from '../../environments';
import { awsPart } from '../../review/terraform/aws-part';
import { planOffline, type OfflinePlan } from '../../review/terraform/offline-plan';
import { configuredResource, providerRegion, referencedAddress } from '../support/plan-configuration';
import { synthEnvironment } from '../support/synth';
import { toolchainOrSkip } from '../support/toolchain-or-skip';

const AWS_PROVIDER_VERSION = '5.100.0';
const toolchain = toolchainOrSkip(AWS_PROVIDER_VERSION);
const describeOffline = toolchain ? describe : describe.skip;

jest.setTimeout(10 * 60_000);

describeOffline.each(environments.map((env) => [env.name, env] as const))(
  'offline plan of %s',
  (_name, env) => {
    const stack = synthEnvironment(env);
    let result: OfflinePlan;

    beforeAll(() => {
      if (toolchain) result = planOffline(toolchain, awsPart(stack));
    });

    test('the synthesized AWS provider is the pinned version', () => {
      expect(stack.terraform?.required_providers?.aws).toEqual({
        source: 'aws',
        version: AWS_PROVIDER_VERSION,
      });
    });

    test('terraform validate accepts the AWS part', () => {
      expect(result.validate).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
    });

    test('the plan only creates, and creates every AWS resource of the stack', () => {
      const changes = (result.plan.resource_changes ?? []).filter((c) => c.mode === 'managed');
      expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) expect(change.change.actions).toEqual(['create']);
      const synthesized = Object.entries(stack.resource ?? {})
        .filter(([type]) => type.startsWith('aws_'))
        .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
      expect(changes.map((c) => c.address).sort()).toEqual(synthesized.sort());
    });

    const planned = (address: string): Record<string, unknown> => {
      const resource = result.resources.get(address);
      if (!resource) throw new Error(`${address} is not in the plan`);
      return resource.values;
    };

    test('database: encrypted with the customer-managed key, private, IAM auth, monitored', () => {
      expect(planned('aws_db_instance.database_instance')).toEqual(
        expect.objectContaining({
          engine: 'postgres',
          engine_version: env.database.engineVersion,
          storage_encrypted: true,
          storage_type: 'gp3',
          publicly_accessible: false,
          iam_database_authentication_enabled: true,
          manage_master_user_password: true,
          performance_insights_enabled: true,
          monitoring_interval: env.database.monitoringIntervalSeconds,
          enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'],
          ca_cert_identifier: env.database.caCertIdentifier,
          auto_minor_version_upgrade: true,
          allow_major_version_upgrade: false,
          copy_tags_to_snapshot: true,
          backup_retention_period: env.database.backupRetentionDays,
          skip_final_snapshot: false,
          delete_automated_backups: false,
        }),
      );
      expect(planned('aws_kms_key.database_kms_key')).toEqual(
        expect.objectContaining({ enable_key_rotation: true }),
      );
    });

    test(`database: deletion protection is ${env.tier === 'production' ? 'on' : 'as configured'}`, () => {
      expect(planned('aws_db_instance.database_instance').deletion_protection).toBe(
        env.database.deletionProtection,
      );
      if (env.tier === 'production') expect(env.database.deletionProtection).toBe(true);
    });

    test('database: the parameter group enforces TLS and SCRAM, logs DDL and slow statements, keeps role statements out of the statistics, pins max_connections', () => {
      const group = planned('aws_db_parameter_group.database_parameter_group');
      expect(group.family).toBe('postgres15');
      const parameters = Object.fromEntries(
        (group.parameter as { name: string; value: string }[]).map((p) => [p.name, p.value]),
      );
      expect(parameters).toEqual({
        'rds.force_ssl': '1',
        password_encryption: 'scram-sha-256',
        log_statement: 'ddl',
        log_min_duration_statement: String(env.database.parameters.logMinDurationStatementMs),
        log_connections: '1',
        log_disconnections: '1',
        idle_in_transaction_session_timeout: String(
          env.database.parameters.idleInTransactionSessionTimeoutMs,
        ),
        shared_preload_libraries: 'pg_stat_statements',
        // CREATE/ALTER ROLE never reach pg_stat_statements (docs/data-plane-security.md).
        'pg_stat_statements.track_utility': '0',
        max_connections: String(env.database.parameters.maxConnections),
      });
    });

    test('database: one ingress rule, from the cluster security group on the database port; no egress', () => {
      const rules = [...result.resources.values()].filter((r) =>
        r.type.startsWith('aws_vpc_security_group_'),
      );
      expect(rules.map((r) => r.type)).toEqual(['aws_vpc_security_group_ingress_rule']);
      expect(rules[0].values).toEqual(
        expect.objectContaining({
          referenced_security_group_id: env.network.clusterSecurityGroupId,
          from_port: env.database.port,
          to_port: env.database.port,
          ip_protocol: 'tcp',
          cidr_ipv4: null,
          cidr_ipv6: null,
        }),
      );
      const group = planned('aws_security_group.database_security_group');
      expect(group.description).toMatch(/\S/);
      expect(group.vpc_id).toBe(env.network.vpcId);
    });

    test('database: subnet group spans the configured private subnets', () => {
      expect(planned('aws_db_subnet_group.database_subnet_group').subnet_ids).toEqual(
        [...env.network.privateSubnetIds].sort(),
      );
    });

    const unknownAfterApply = (address: string): Record<string, unknown> =>
      (
        (result.plan.resource_changes ?? []).find((c) => c.address === address)?.change as {
          after_unknown?: Record<string, unknown>;
        }
      )?.after_unknown ?? {};

    test('observability: the alert topic is encrypted with the environment key and admits its publishers only', () => {
      expect(planned('aws_sns_topic.observability_alerts_topic').name).toBe(
        `${env.database.identifier}-alerts`,
      );
      expect(unknownAfterApply('aws_sns_topic.observability_alerts_topic').kms_master_key_id).toBe(true);
      expect(result.resources.has('aws_sns_topic_policy.observability_alerts_topic_policy')).toBe(true);
      const emails = [...result.resources.values()].filter((r) => r.type === 'aws_sns_topic_subscription');
      expect(emails.map((r) => [r.values.protocol, r.values.endpoint])).toEqual(
        env.observability.recipients.emails.map((e) => ['email', e]),
      );
    });

    test('observability: every alarm plans with the derived threshold and ALARM and OK actions', () => {
      const alarms = [...result.resources.values()].filter((r) => r.type === 'aws_cloudwatch_metric_alarm');
      expect(alarms.length).toBeGreaterThanOrEqual(9);
      for (const alarm of alarms) {
        expect(alarm.values).toEqual(
          expect.objectContaining({
            namespace: 'AWS/RDS',
            actions_enabled: true,
            dimensions: { DBInstanceIdentifier: env.database.identifier },
          }),
        );
        expect(unknownAfterApply(alarm.address)).toEqual(
          // The topic ARN is known after apply: the whole action lists are unknown, and present.
          expect.objectContaining({ alarm_actions: true, ok_actions: true }),
        );
      }
      const budget = connectionBudgetOf(env);
      expect(planned('aws_cloudwatch_metric_alarm.observability_alarm_database_connections').threshold).toBe(
        Math.ceil(env.observability.alarms.saturationShare * budget.available),
      );
      expect(planned('aws_cloudwatch_metric_alarm.observability_alarm_free_storage').threshold).toBe(
        0.1 * env.database.allocatedStorageGiB * 1024 ** 3,
      );
    });

    test('observability: RDS event subscriptions and the dashboard plan', () => {
      expect(planned('aws_db_event_subscription.observability_instance_events')).toEqual(
        expect.objectContaining({
          source_type: 'db-instance',
          source_ids: [env.database.identifier],
          enabled: true,
        }),
      );
      expect(planned('aws_db_event_subscription.observability_parameter_group_events')).toEqual(
        expect.objectContaining({
          source_type: 'db-parameter-group',
          event_categories: ['configuration change'],
        }),
      );
      const dashboard = planned('aws_cloudwatch_dashboard.observability_dashboard');
      expect(dashboard.dashboard_name).toBe(`${env.database.identifier}-database`);
      expect(JSON.parse(String(dashboard.dashboard_body)).widgets.length).toBeGreaterThan(9);
    });

    test('default tags reach every taggable resource', () => {
      const tagged = [...result.resources.values()].filter((r) => r.values && 'tags_all' in r.values);
      expect(tagged.length).toBeGreaterThan(0);
      for (const resource of tagged) {
        expect(resource.values.tags_all).toEqual(
          expect.objectContaining({ Environment: env.name, ManagedBy: 'cdktf' }),
        );
      }
    });

    describe('data protection', () => {
      const backup = env.dataProtection.backup;
      const regionOf = (address: string) =>
        providerRegion(result.plan, configuredResource(result.plan, address).provider_config_key);

      test('the DR provider plans in dr.region, a region other than the primary', () => {
        expect(providerRegion(result.plan, 'aws')).toBe(env.aws.region);
        expect(providerRegion(result.plan, 'aws.dr')).toBe(env.dataProtection.dr.region);
        expect(env.dataProtection.dr.region).not.toBe(env.aws.region);
      });

      test('the plan selects the database and runs daily and monthly after the RDS backup window', () => {
        const plan = planned('aws_backup_plan.data_protection_plan');
        const rules = plan.rule as {
          rule_name: string;
          schedule: string;
          lifecycle: { delete_after: number }[];
        }[];
        expect(rules.map((r) => [r.rule_name, r.lifecycle[0].delete_after]).sort()).toEqual([
          ['daily', backup.daily.retentionDays],
          ['monthly', backup.monthly.retentionDays],
        ]);
        const selection = configuredResource(result.plan, 'aws_backup_selection.data_protection_selection');
        expect(referencedAddress(selection, 'resources')).toBe('aws_db_instance.database_instance');
      });

      const copies = backup.copyToDrRegion;
      test(`copy actions ${copies ? 'target a vault in another region' : 'are absent (config)'}`, () => {
        const plan = configuredResource(result.plan, 'aws_backup_plan.data_protection_plan');
        const rules = (plan.expressions.rule ?? []) as { copy_action?: Record<string, unknown>[] }[];
        const targets = rules.flatMap((r) =>
          (r.copy_action ?? []).map((c) => referencedAddress({ expressions: c }, 'destination_vault_arn')),
        );
        if (!copies) {
          expect(targets).toEqual([]);
          expect(result.resources.has('aws_backup_vault.data_protection_dr_vault')).toBe(false);
          return;
        }
        expect(targets).toEqual([
          'aws_backup_vault.data_protection_dr_vault',
          'aws_backup_vault.data_protection_dr_vault',
        ]);
        expect(regionOf('aws_backup_vault.data_protection_dr_vault')).toBe(env.dataProtection.dr.region);
        expect(regionOf('aws_backup_vault.data_protection_primary_vault')).toBe(env.aws.region);
      });

      test('each vault is encrypted with a customer-managed key of its own region', () => {
        const vaults = ['primary', ...(copies ? ['dr'] : [])].map(
          (v) => `aws_backup_vault.data_protection_${v}_vault`,
        );
        const keys = vaults.map((v) => referencedAddress(configuredResource(result.plan, v), 'kms_key_arn'));
        expect(keys[0]).toBe('aws_kms_key.database_kms_key');
        if (copies) expect(keys[1]).toBe('aws_kms_key.data_protection_dr_kms_key');
        expect(new Set(keys).size).toBe(keys.length);
        keys.forEach((key, i) => expect(regionOf(key)).toBe(regionOf(vaults[i])));
      });

      const lock = backup.vaultLock;
      test(`vault lock: ${lock.mode}`, () => {
        const locks = [...result.resources.values()].filter(
          (r) => r.type === 'aws_backup_vault_lock_configuration',
        );
        if (lock.mode === 'none') return expect(locks).toEqual([]);
        expect(locks.map((l) => l.address).sort()).toEqual(
          [
            'aws_backup_vault_lock_configuration.data_protection_primary_lock',
            ...(copies ? ['aws_backup_vault_lock_configuration.data_protection_dr_lock'] : []),
          ].sort(),
        );
        expect(planned('aws_backup_vault_lock_configuration.data_protection_primary_lock')).toEqual(
          expect.objectContaining({
            min_retention_days: backup.daily.retentionDays,
            max_retention_days: backup.monthly.retentionDays,
            changeable_for_days: lock.mode === 'compliance' ? lock.changeableForDays : null,
          }),
        );
      });

      const copy = env.dataProtection.mediaCopy;
      test('media copy bucket: versioned, KMS with a bucket key, private, cold after the configured days', () => {
        expect(planned('aws_s3_bucket.data_protection_media_copy_bucket').bucket).toBe(copy.bucketName);
        expect(
          planned('aws_s3_bucket_versioning.data_protection_media_copy_versioning').versioning_configuration,
        ).toEqual([expect.objectContaining({ status: 'Enabled' })]);
        const encryption = planned(
          'aws_s3_bucket_server_side_encryption_configuration.data_protection_media_copy_encryption',
        );
        expect(encryption.rule).toEqual([
          expect.objectContaining({
            bucket_key_enabled: true,
            apply_server_side_encryption_by_default: [expect.objectContaining({ sse_algorithm: 'aws:kms' })],
          }),
        ]);
        expect(
          planned('aws_s3_bucket_public_access_block.data_protection_media_copy_public_access_block'),
        ).toEqual(
          expect.objectContaining({
            block_public_acls: true,
            block_public_policy: true,
            ignore_public_acls: true,
            restrict_public_buckets: true,
          }),
        );
        const rules = planned('aws_s3_bucket_lifecycle_configuration.data_protection_media_copy_lifecycle')
          .rule as {
          id: string;
          transition: { days: number; storage_class: string }[];
          noncurrent_version_expiration: { noncurrent_days: number }[];
        }[];
        const cold = rules.find((r) => r.id === 'cold-storage');
        expect(cold?.transition).toEqual([
          expect.objectContaining({ days: copy.coldStorageAfterDays, storage_class: 'GLACIER_IR' }),
        ]);
        expect(cold?.noncurrent_version_expiration).toEqual([
          expect.objectContaining({ noncurrent_days: copy.previousVersionRetentionDays }),
        ]);
      });
    });
  },
);

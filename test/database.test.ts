/**
 * Database layer: the RDS instance and what surrounds it, property by property.
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Testing } from 'cdktf';
import { dev } from '../environments/dev';
import { prod } from '../environments/prod';
import { DatabaseLayer, type DatabaseOutputs } from '../stacks/database';
import { restoreArguments } from '../stacks/database-restore';
import { workloadBoundaryArn } from '../stacks/workload-boundary';
import { addresses, onlyResource, resourcesOfType } from '../synth/terraform-json';
import { synthEnvironment, withChange } from './support/synth';

function synthLayer(env = dev): { text: string; outputs: DatabaseOutputs } {
  let outputs: DatabaseOutputs | undefined;
  const text = Testing.synthScope((scope) => {
    outputs = new DatabaseLayer(scope, 'database', {
      ...env,
      rolesBoundaryArn: workloadBoundaryArn(env.aws.accountId),
    }).outputs;
  });
  return { text, outputs: outputs as DatabaseOutputs };
}

describe('database layer (construct level)', () => {
  const { text, outputs } = synthLayer(dev);

  test('defines a private, encrypted PostgreSQL 15 instance with the initial database', () => {
    expect(text).toHaveResourceWithProperties(DbInstance, {
      engine: 'postgres',
      engine_version: '15',
      allow_major_version_upgrade: false,
      auto_minor_version_upgrade: true,
      instance_class: 'db.t3.micro',
      db_name: 'lightwave_platform',
      username: 'lightwave_admin',
      storage_type: 'gp3',
      allocated_storage: 20,
      max_allocated_storage: 50,
      storage_encrypted: true,
      publicly_accessible: false,
      iam_database_authentication_enabled: true,
      manage_master_user_password: true,
      ca_cert_identifier: 'rds-ca-rsa2048-g1',
      copy_tags_to_snapshot: true,
      multi_az: false,
    });
  });

  test('encrypts storage, the master secret and Performance Insights with the customer-managed key', () => {
    const instance = onlyResource(JSON.parse(text), 'aws_db_instance');
    const keyArn = expect.stringMatching(/^\$\{aws_kms_key\.[\w]+\.arn\}$/);
    expect(instance).toEqual(
      expect.objectContaining({
        kms_key_id: keyArn,
        master_user_secret_kms_key_id: keyArn,
        performance_insights_enabled: true,
        performance_insights_kms_key_id: keyArn,
        performance_insights_retention_period: 7,
      }),
    );
    expect(text).toHaveResourceWithProperties(KmsKey, {
      enable_key_rotation: true,
      deletion_window_in_days: 7,
    });
    expect(text).toHaveResourceWithProperties(KmsAlias, { name: 'alias/lightwave-dev-rds' });
  });

  test('monitors: enhanced monitoring with its role, postgresql and upgrade logs with retention', () => {
    expect(text).toHaveResourceWithProperties(DbInstance, {
      monitoring_interval: 60,
      enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'],
    });
    expect(text).toHaveResourceWithProperties(IamRolePolicyAttachment, {
      policy_arn: 'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole',
    });
    for (const log of ['postgresql', 'upgrade']) {
      expect(text).toHaveResourceWithProperties(CloudwatchLogGroup, {
        name: `/aws/rds/instance/lightwave-dev/${log}`,
        retention_in_days: 14,
      });
    }
  });

  test('backs up in its windows, keeps automated backups and takes a final snapshot on delete', () => {
    expect(text).toHaveResourceWithProperties(DbInstance, {
      backup_retention_period: 7,
      backup_window: '03:00-03:30',
      maintenance_window: 'sun:04:00-sun:04:30',
      delete_automated_backups: false,
      skip_final_snapshot: false,
      final_snapshot_identifier: 'lightwave-dev-final',
    });
  });

  test('sits in the private subnets behind its own security group, open only to the cluster', () => {
    expect(text).toHaveResourceWithProperties(DbSubnetGroup, { subnet_ids: dev.network.privateSubnetIds });
    expect(text).toHaveResourceWithProperties(SecurityGroup, {
      vpc_id: dev.network.vpcId,
      description: expect.stringContaining('only from the EKS cluster'),
    });
    expect(text).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
      referenced_security_group_id: dev.network.clusterSecurityGroupId,
      ip_protocol: 'tcp',
      from_port: 5432,
      to_port: 5432,
      description: expect.stringMatching(/\S/),
    });
    const synthesized = JSON.parse(text);
    expect(Object.keys(synthesized.resource)).not.toContain('aws_vpc_security_group_egress_rule');
    expect(onlyResource(synthesized, 'aws_security_group')).not.toHaveProperty('ingress');
    expect(onlyResource(synthesized, 'aws_security_group')).not.toHaveProperty('egress');
  });

  test('uses a postgres15 parameter group: TLS, SCRAM, DDL and slow-statement logging, pg_stat_statements', () => {
    expect(text).toHaveResourceWithProperties(DbParameterGroup, {
      family: 'postgres15',
      lifecycle: { create_before_destroy: true },
    });
    const parameters = onlyResource(JSON.parse(text), 'aws_db_parameter_group').parameter;
    expect(parameters).toEqual(
      expect.arrayContaining([
        { name: 'rds.force_ssl', value: '1', apply_method: 'immediate' },
        { name: 'password_encryption', value: 'scram-sha-256', apply_method: 'immediate' },
        { name: 'log_statement', value: 'ddl', apply_method: 'immediate' },
        { name: 'log_min_duration_statement', value: '500', apply_method: 'immediate' },
        { name: 'log_connections', value: '1', apply_method: 'immediate' },
        { name: 'log_disconnections', value: '1', apply_method: 'immediate' },
        { name: 'idle_in_transaction_session_timeout', value: '60000', apply_method: 'immediate' },
        { name: 'shared_preload_libraries', value: 'pg_stat_statements', apply_method: 'pending-reboot' },
        { name: 'max_connections', value: '70', apply_method: 'pending-reboot' },
      ]),
    );
  });

  test('exposes typed outputs for the layers after it', () => {
    expect(outputs.port).toBe(5432);
    expect(outputs.databaseName).toBe('lightwave_platform');
    expect(outputs.maxConnections).toBe(dev.database.parameters.maxConnections);
    expect(outputs.address).toMatch(/TOKEN/);
    expect(outputs.masterSecretArn).toMatch(/TOKEN/);
  });
});

describe('data protection', () => {
  const prodStack = synthEnvironment(prod);
  const devStack = synthEnvironment(dev);

  test('production instance: deletion protection and prevent_destroy', () => {
    expect(onlyResource(prodStack, 'aws_db_instance')).toEqual(
      expect.objectContaining({
        deletion_protection: true,
        lifecycle: expect.objectContaining({ prevent_destroy: true }),
      }),
    );
  });

  test('production key: prevent_destroy and a 30-day deletion window', () => {
    expect(resourcesOfType(prodStack, 'aws_kms_key').database_kms_key).toEqual(
      expect.objectContaining({ deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } }),
    );
  });

  test("production log groups outlive a replacement (a restore renames them): the old instance's logs stay", () => {
    const groups = Object.values(resourcesOfType(prodStack, 'aws_cloudwatch_log_group'));
    expect(groups.map((g) => g.skip_destroy)).toEqual([true, true]);
    // dev's go with the environment, so a re-created dev finds no leftover group of the same name
    expect(
      Object.values(resourcesOfType(devStack, 'aws_cloudwatch_log_group')).map((g) => g.skip_destroy),
    ).toEqual([false, false]);
  });

  test('development can be torn down, but still leaves a final snapshot and its backups', () => {
    const instance = onlyResource(devStack, 'aws_db_instance');
    // Without database.restore only the restore attributes are ignored (stacks/database-restore.ts).
    expect(instance.lifecycle).toEqual({
      ignore_changes: ['snapshot_identifier', 'restore_to_point_in_time'],
    });
    expect(instance).toEqual(
      expect.objectContaining({ skip_final_snapshot: false, delete_automated_backups: false }),
    );
  });
});

describe('database.restore on the instance', () => {
  const restoredStack = (identifier: string, destroyReplacedInstance: boolean) =>
    synthEnvironment(
      withChange(prod, (e) => {
        e.database.identifier = identifier;
        e.database.restore = {
          from: { pointInTime: { sourceInstance: 'lightwave-prod', time: 'latest' } },
          replaces: 'lightwave-prod',
          destroyReplacedInstance,
        };
      }),
    );
  const restoring = (identifier: string, destroyReplacedInstance: boolean) =>
    onlyResource(restoredStack(identifier, destroyReplacedInstance), 'aws_db_instance');

  test("the cut-over moves both PgBouncer paths: the session path's entry follows the restored instance too", () => {
    const stack = restoredStack('lightwave-prod-r1', true);
    const ini = (
      resourcesOfType(stack, 'kubernetes_config_map_v1').cluster_pgbouncer_config.data as Record<
        string,
        string
      >
    )['pgbouncer.ini'];
    const hosts = [...ini.matchAll(/^(lightwave_platform\w*) = host=(\S+)/gm)].map(([, db, host]) => [
      db,
      host,
    ]);
    expect(hosts).toEqual([
      ['lightwave_platform', '${aws_db_instance.database_instance.address}'],
      ['lightwave_platform_session', '${aws_db_instance.database_instance.address}'],
    ]);
    // The apps' URLs (transaction and session path) name PgBouncer, never the instance: a restore changes no Secret.
    const secrets = JSON.stringify(resourcesOfType(stack, 'kubernetes_secret_v1'));
    expect(secrets).toContain('_session?');
    expect(secrets).not.toContain('aws_db_instance');
  });

  test('while the restore is configured its attributes are planned, so adding it replaces the instance (restored first)', () => {
    const instance = restoring('lightwave-prod-r1', true);
    expect(instance.restore_to_point_in_time).toEqual({
      source_db_instance_identifier: 'lightwave-prod',
      use_latest_restorable_time: true,
    });
    // Ignoring them now would leave only the new identifier, which the provider applies as an in-place rename.
    expect(instance.lifecycle).toEqual({ create_before_destroy: true });
  });

  test('in production without the switch (validation refuses it too), prevent_destroy stays: the plan fails', () => {
    const db = withChange(prod, (e) => {
      e.database.identifier = 'lightwave-prod-r1';
      e.database.restore = { from: { snapshot: 'lightwave-prod-manual' }, replaces: 'lightwave-prod' };
    }).database;
    expect(restoreArguments(db, true).lifecycle).toEqual({ createBeforeDestroy: true, preventDestroy: true });
  });
});

describe('construct ids are a contract', () => {
  const dataStoreAddresses = {
    aws_db_instance: ['database_instance'],
    aws_kms_key: ['data_protection_dr_kms_key', 'data_protection_media_copy_kms_key', 'database_kms_key'],
    aws_db_parameter_group: ['database_parameter_group'],
    aws_db_subnet_group: ['database_subnet_group'],
    aws_cloudwatch_log_group: ['database_log_postgresql', 'database_log_upgrade'],
    aws_backup_vault: ['data_protection_dr_vault', 'data_protection_primary_vault'],
    aws_s3_bucket: ['data_protection_media_copy_bucket'],
  };
  const addressesOf = (env = prod) => {
    const stack = synthEnvironment(env);
    return Object.fromEntries(
      Object.keys(dataStoreAddresses).map((type) => [type, Object.keys(resourcesOfType(stack, type)).sort()]),
    );
  };

  test('data stores keep their Terraform addresses (a rename needs moveTo, or Terraform replaces them)', () => {
    expect(addressesOf()).toEqual(dataStoreAddresses);
  });

  test('unrelated config changes leave every address unchanged', () => {
    const changed = withChange(prod, (e) => {
      e.database.instanceClass = 'db.m6g.large';
      e.database.allocatedStorageGiB = 100;
      e.database.maxAllocatedStorageGiB = 400;
      e.database.multiAz = true;
      e.database.maintenanceWindow = 'sat:05:00-sat:06:00';
      e.tags = { ...e.tags, CostCenter: 'media' };
    });
    expect(addressesOf(changed)).toEqual(dataStoreAddresses);
    const all = (env = prod) => addresses(synthEnvironment(env).resource).sort();
    // db.m6g.large runs on no CPU credits: its credit alarm goes, and nothing else.
    const creditAlarm = 'aws_cloudwatch_metric_alarm.observability_alarm_cpu_credit_balance';
    expect(all(changed)).toEqual(all().filter((a) => a !== creditAlarm));
  });
});

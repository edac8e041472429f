/**
 * Database layer: the RDS PostgreSQL 15 instance holding `lightwave_platform`, private, encrypted with a
 * customer-managed key, reachable only from the EKS cluster's security group.
 *
 * Anchors: terraform-aws-modules/rds v6.13.1 and AWS CDK's DatabaseInstance; everything they offer is on here,
 * including what they leave off by default (Performance Insights, enhanced monitoring, IAM auth, log exports,
 * storage autoscaling, deletion protection in production).
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup, type DbParameterGroupParameter } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { CustomerManagedKey } from '../constructs/customer-managed-key';
import { postgresParameters } from '../constructs/postgres-parameters';
import type { AwsTarget, EnvironmentTier, NetworkConfig } from '../environments/config';
import type { DatabaseConfig } from '../environments/parts/database';
import { restoreArguments } from './database-restore';

export interface DatabaseLayerProps {
  readonly tier: EnvironmentTier;
  readonly aws: AwsTarget;
  readonly database: DatabaseConfig;
  readonly network: NetworkConfig;
  /**
   * Further statements for the environment's KMS key policy, for services other layers let use the key (the alert
   * topic's publishers, see stacks/observability.ts).
   *
   * @default - none
   */
  readonly keyPolicyStatements?: readonly DataAwsIamPolicyDocumentStatement[];
  /** The permissions boundary the monitoring role carries (the deploy role manages roles only under it). */
  readonly rolesBoundaryArn: string;
}

/** What later layers may use of the database; nothing else of it is reachable from outside. */
export interface DatabaseOutputs {
  /** DNS name of the instance (known after apply). */
  readonly address: string;
  readonly port: number;
  readonly databaseName: string;
  readonly masterUsername: string;
  /** ARN of the RDS-managed Secrets Manager secret holding the master password. */
  readonly masterSecretArn: string;
  readonly securityGroupId: string;
  /** `max_connections` as pinned in the parameter group: the number every connection budget is checked against. */
  readonly maxConnections: number;
  /** The instance, for `dependsOn` of resources that need the server up (roles, grants). */
  readonly instance: DbInstance;
  /** ARN of the instance (what a backup plan selects). */
  readonly arn: string;
  /** The instance identifier: the `DBInstanceIdentifier` dimension of its CloudWatch metrics. */
  readonly identifier: string;
  /** The environment's customer-managed key of storage and snapshots (RDS recovery points inherit it). */
  readonly kmsKeyArn: string;
  /** Name of the parameter group (generated from a prefix at apply time). */
  readonly parameterGroupName: string;
}

export const exportedLogs = ['postgresql', 'upgrade'];
const ENHANCED_MONITORING_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole';

/** Static parameters only take effect after a reboot; RDS refuses `immediate` for them. */
function parameter(name: string, value: string, isStatic: boolean): DbParameterGroupParameter {
  return { name, value, applyMethod: isStatic ? 'pending-reboot' : 'immediate' };
}

export class DatabaseLayer extends Construct {
  readonly outputs: DatabaseOutputs;

  constructor(scope: Construct, id: string, props: DatabaseLayerProps) {
    super(scope, id);
    const { database: db, network, aws } = props;
    const production = props.tier === 'production';

    const keyPolicy = new DataAwsIamPolicyDocument(this, 'key_policy', {
      statement: [
        {
          sid: 'AccountAdministersKeyThroughIam',
          principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${aws.accountId}:root`] }],
          actions: ['kms:*'],
          resources: ['*'],
        },
        {
          sid: 'CloudWatchLogsEncryptsDatabaseLogs',
          principals: [{ type: 'Service', identifiers: [`logs.${aws.region}.amazonaws.com`] }],
          actions: [
            'kms:Encrypt*',
            'kms:Decrypt*',
            'kms:ReEncrypt*',
            'kms:GenerateDataKey*',
            'kms:Describe*',
          ],
          resources: ['*'],
          condition: [
            {
              test: 'ArnLike',
              variable: 'kms:EncryptionContext:aws:logs:arn',
              values: [
                `arn:aws:logs:${aws.region}:${aws.accountId}:log-group:/aws/rds/instance/${db.identifier}/*`,
              ],
            },
          ],
        },
        ...(props.keyPolicyStatements ?? []),
      ],
    });
    const key = new CustomerManagedKey(this, 'kms', {
      description: `RDS ${db.identifier}: storage, master secret, Performance Insights, logs and alerts`,
      alias: `${db.identifier}-rds`,
      policy: keyPolicy.json,
      deletionWindowDays: db.kmsDeletionWindowDays,
      preventDestroy: production,
    });

    const subnetGroup = new DbSubnetGroup(this, 'subnet_group', {
      name: `${db.identifier}-private`,
      description: `Private subnets of ${db.identifier}`,
      subnetIds: [...network.privateSubnetIds],
    });

    // No egress rule: the instance initiates nothing; Terraform removes AWS's default allow-all egress rule.
    const securityGroup = new SecurityGroup(this, 'security_group', {
      name: `${db.identifier}-rds`,
      description: `PostgreSQL ${db.identifier}: reachable only from the EKS cluster security group`,
      vpcId: network.vpcId,
      revokeRulesOnDelete: true,
    });
    new VpcSecurityGroupIngressRule(this, 'ingress_from_cluster', {
      securityGroupId: securityGroup.id,
      description: `PostgreSQL ${db.port}/tcp from the EKS cluster security group (PgBouncer)`,
      referencedSecurityGroupId: network.clusterSecurityGroupId,
      ipProtocol: 'tcp',
      fromPort: db.port,
      toPort: db.port,
    });

    const parameterGroup = new DbParameterGroup(this, 'parameter_group', {
      namePrefix: `${db.identifier}-postgres15-`,
      family: 'postgres15',
      description: `PostgreSQL 15 settings of ${db.identifier}`,
      parameter: postgresParameters(db.parameters).map((p) => parameter(p.name, p.value, p.isStatic)),
      // A changed parameter set gets a new group first, so the instance is never left without one.
      lifecycle: { createBeforeDestroy: true },
    });

    const monitoringTrust = new DataAwsIamPolicyDocument(this, 'monitoring_trust', {
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['monitoring.rds.amazonaws.com'] }],
        },
      ],
    });
    const monitoringRole = new IamRole(this, 'monitoring_role', {
      name: `${db.identifier}-rds-monitoring`,
      description: `Enhanced monitoring of RDS ${db.identifier}`,
      assumeRolePolicy: monitoringTrust.json,
      permissionsBoundary: props.rolesBoundaryArn,
    });
    new IamRolePolicyAttachment(this, 'monitoring_role_policy', {
      role: monitoringRole.name,
      policyArn: ENHANCED_MONITORING_POLICY,
    });

    // Created before the instance so RDS writes into groups with our retention and key instead of its own. In
    // production a replaced group (a restore to a new identifier renames it) only leaves the state: the old
    // instance's logs stay, and expire with the group's retention.
    const logGroups = exportedLogs.map(
      (log) =>
        new CloudwatchLogGroup(this, `log_${log}`, {
          name: `/aws/rds/instance/${db.identifier}/${log}`,
          retentionInDays: db.logRetentionDays,
          kmsKeyId: key.key.arn,
          skipDestroy: production,
        }),
    );

    const instance = new DbInstance(this, 'instance', {
      identifier: db.identifier,
      engine: 'postgres',
      engineVersion: db.engineVersion,
      engineLifecycleSupport: 'open-source-rds-extended-support-disabled',
      allowMajorVersionUpgrade: false,
      autoMinorVersionUpgrade: true,
      applyImmediately: false,
      instanceClass: db.instanceClass,
      storageType: 'gp3',
      allocatedStorage: db.allocatedStorageGiB,
      maxAllocatedStorage: db.maxAllocatedStorageGiB,
      storageEncrypted: true,
      kmsKeyId: key.key.arn,
      dbName: db.databaseName,
      username: db.masterUsername,
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: key.key.arn,
      port: db.port,
      publiclyAccessible: false,
      networkType: 'IPV4',
      dbSubnetGroupName: subnetGroup.name,
      vpcSecurityGroupIds: [securityGroup.id],
      parameterGroupName: parameterGroup.name,
      caCertIdentifier: db.caCertIdentifier,
      multiAz: db.multiAz,
      iamDatabaseAuthenticationEnabled: true,
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: key.key.arn,
      performanceInsightsRetentionPeriod: db.performanceInsightsRetentionDays,
      monitoringInterval: db.monitoringIntervalSeconds,
      monitoringRoleArn: monitoringRole.arn,
      enabledCloudwatchLogsExports: exportedLogs,
      backupRetentionPeriod: db.backupRetentionDays,
      backupWindow: db.backupWindow,
      maintenanceWindow: db.maintenanceWindow,
      copyTagsToSnapshot: true,
      deleteAutomatedBackups: false,
      deletionProtection: db.deletionProtection,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${db.identifier}-final`,
      dependsOn: logGroups,
      ...restoreArguments(db, production),
    });

    this.outputs = {
      address: instance.address,
      port: db.port,
      databaseName: db.databaseName,
      masterUsername: db.masterUsername,
      masterSecretArn: instance.masterUserSecret.get(0).secretArn,
      securityGroupId: securityGroup.id,
      maxConnections: db.parameters.maxConnections,
      instance,
      arn: instance.arn,
      identifier: db.identifier,
      kmsKeyArn: key.key.arn,
      parameterGroupName: parameterGroup.name,
    };
  }
}

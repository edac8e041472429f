/**
 * Data protection layer: the database's recovery points leave the region, and the media library gets a second copy
 * outside Cloudflare.
 *
 * - AWS Backup: a plan with a daily and a monthly rule selects the instance; recovery points go to a vault in the
 *   primary region (RDS recovery points keep the instance's own key, so the vault uses it too) and, when configured,
 *   a copy of each goes to a vault in `dr.region` on a key of that region. Vaults are locked where config says so.
 * - Media copy: an rclone CronJob copies the R2 bucket into a versioned, KMS-encrypted, private S3 bucket, reading
 *   R2 with a read-only token and writing S3 with an IAM role only its service account can assume.
 */
import { BackupPlan, type BackupPlanRule } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { MediaCopyChart } from '../charts/media-copy/chart';
import { MIRROR_PREFIX, OVERWRITTEN_PREFIX } from '../charts/media-copy/rclone-args';
import {
  backupSchedules,
  COMPLETION_WINDOW_MINUTES,
  START_WINDOW_MINUTES,
} from '../constructs/backup-schedule';
import { LockedBackupVault } from '../constructs/backup-vault';
import { accountAdministersKey, CustomerManagedKey } from '../constructs/customer-managed-key';
import { PrivateCopyBucket } from '../constructs/private-copy-bucket';
import { r2BucketToken } from '../constructs/r2-bucket-token';
import { ServiceAccountRole } from '../constructs/service-account-role';
import type { AwsTarget, EnvironmentTier } from '../environments/config';
import type {
  DatabaseBackupConfig,
  DataProtectionConfig,
  MediaCopyConfig,
} from '../environments/parts/data-protection';
import type { DatabaseOutputs } from './database';
import {
  BACKUP_SERVICE_POLICIES,
  backupRoleName,
  backupVaultName,
  mediaCopyRoleName,
} from './data-protection-roles';
import type { MediaOutputs } from './media';

export interface DataProtectionLayerProps {
  readonly environment: string;
  readonly tier: EnvironmentTier;
  readonly aws: AwsTarget;
  readonly dataProtection: DataProtectionConfig;
  /**
   * The database: its outputs and RDS backup window (AWS Backup runs after it). Names here follow the environment,
   * not the instance identifier: a restore to a new identifier must leave the vaults (and their recovery points)
   * where they are.
   */
  readonly database: {
    readonly outputs: DatabaseOutputs;
    readonly backupWindow: string;
  };
  readonly media: MediaOutputs;
  /** Where the copy job runs: the namespace (a reference, so it exists first), labels, the OIDC issuer. */
  readonly cluster: {
    readonly namespace: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly oidcIssuerUrl: string;
  };
  /** The AWS provider of `dataProtection.dr.region`. */
  readonly drProvider: AwsProvider;
  /** The permissions boundary the layer's roles carry (the deploy role manages roles only under it). */
  readonly rolesBoundaryArn: string;
}

const KEY_USE = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];
/** Days a scheduled key deletion waits; the longest AWS allows, for keys that hold the only readable copies. */
const KEY_DELETION_WINDOW_DAYS = 30;

export class DataProtectionLayer extends Construct {
  private readonly production: boolean;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: DataProtectionLayerProps,
  ) {
    super(scope, id);
    this.production = props.tier === 'production';
    const { backup, mediaCopy } = props.dataProtection;
    if (backup.enabled) this.databaseBackups(backup);
    if (mediaCopy.enabled) this.mediaCopy(mediaCopy);
  }

  private databaseBackups(backup: DatabaseBackupConfig): void {
    const { database, environment } = this.props;
    const name = backupVaultName(environment);
    const role = this.backupRole(environment);
    const vault = new LockedBackupVault(this, 'primary', {
      name,
      kmsKeyArn: database.outputs.kmsKeyArn,
      lock: backup.vaultLock,
      retentionDays: [backup.daily.retentionDays, backup.monthly.retentionDays],
      preventDestroy: this.production,
    });
    const drVault = backup.copyToDrRegion ? this.drVault(`${name}-dr`, backup, role) : undefined;

    const schedules = backupSchedules(database.backupWindow);
    const rule = (ruleName: 'daily' | 'monthly'): BackupPlanRule => ({
      ruleName,
      targetVaultName: vault.vault.name,
      schedule: schedules[ruleName],
      scheduleExpressionTimezone: 'Etc/UTC',
      startWindow: START_WINDOW_MINUTES,
      completionWindow: COMPLETION_WINDOW_MINUTES,
      lifecycle: { deleteAfter: backup[ruleName].retentionDays },
      recoveryPointTags: { Environment: this.props.environment, BackupRule: ruleName },
      ...(drVault
        ? {
            copyAction: [
              {
                destinationVaultArn: drVault.vault.arn,
                lifecycle: { deleteAfter: backup[ruleName].drRetentionDays },
              },
            ],
          }
        : {}),
    });
    const plan = new BackupPlan(this, 'plan', {
      name: `${environment}-database`,
      rule: [rule('daily'), rule('monthly')],
    });
    new BackupSelection(this, 'selection', {
      name: `${environment}-database-instance`,
      planId: plan.id,
      iamRoleArn: role.arn,
      resources: [database.outputs.arn],
    });
    // ARNs name the region: where an operator looks for recovery points (docs/restore-a-database.md).
    new TerraformOutput(this, 'backup_vault', { value: vault.vault.arn });
    if (drVault) new TerraformOutput(this, 'backup_vault_dr', { value: drVault.vault.arn });
  }

  private backupRole(environment: string): IamRole {
    const trust = new DataAwsIamPolicyDocument(this, 'backup_trust', {
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['backup.amazonaws.com'] }],
        },
      ],
    });
    const role = new IamRole(this, 'backup_role', {
      name: backupRoleName(environment),
      description: `AWS Backup: snapshots, copies and restores of the ${environment} database`,
      assumeRolePolicy: trust.json,
      permissionsBoundary: this.props.rolesBoundaryArn,
    });
    BACKUP_SERVICE_POLICIES.forEach(
      (policyArn, i) =>
        new IamRolePolicyAttachment(this, `backup_role_policy_${i === 0 ? 'backup' : 'restore'}`, {
          role: role.name,
          policyArn,
        }),
    );
    return role;
  }

  /** The DR region's vault, on a key of that region (a copy is re-encrypted with the destination vault's key). */
  private drVault(name: string, backup: DatabaseBackupConfig, role: IamRole): LockedBackupVault {
    const { aws, drProvider } = this.props;
    const policy = new DataAwsIamPolicyDocument(this, 'dr_key_policy', {
      statement: [
        accountAdministersKey(aws.accountId),
        {
          sid: 'AwsBackupCopiesIntoThisRegion',
          principals: [{ type: 'AWS', identifiers: [role.arn] }],
          actions: KEY_USE,
          resources: ['*'],
        },
        {
          sid: 'AwsBackupGrantsToRds',
          principals: [{ type: 'AWS', identifiers: [role.arn] }],
          actions: ['kms:CreateGrant'],
          resources: ['*'],
          condition: [{ test: 'Bool', variable: 'kms:GrantIsForAWSResource', values: ['true'] }],
        },
      ],
    });
    const key = new CustomerManagedKey(this, 'dr_kms', {
      description: `AWS Backup copies of the ${this.props.environment} database in ${this.props.dataProtection.dr.region}`,
      alias: name,
      policy: policy.json,
      deletionWindowDays: KEY_DELETION_WINDOW_DAYS,
      preventDestroy: this.production,
      provider: drProvider,
    });
    return new LockedBackupVault(this, 'dr', {
      name,
      kmsKeyArn: key.key.arn,
      lock: backup.vaultLock,
      retentionDays: [backup.daily.drRetentionDays, backup.monthly.drRetentionDays],
      preventDestroy: this.production,
      provider: drProvider,
    });
  }

  private mediaCopy(copy: MediaCopyConfig): void {
    const { aws, media, cluster, environment } = this.props;
    const keyPolicy = new DataAwsIamPolicyDocument(this, 'media_copy_key_policy', {
      statement: [accountAdministersKey(aws.accountId)],
    });
    const key = new CustomerManagedKey(this, 'media_copy_kms', {
      description: `Second copy of the R2 bucket ${media.bucketName} in S3 ${copy.bucketName}`,
      alias: copy.bucketName,
      policy: keyPolicy.json,
      deletionWindowDays: KEY_DELETION_WINDOW_DAYS,
      preventDestroy: this.production,
    });
    const bucket = new PrivateCopyBucket(this, 'media_copy', {
      bucketName: copy.bucketName,
      kmsKeyArn: key.key.arn,
      coldStorageAfterDays: copy.coldStorageAfterDays,
      noncurrentVersionDays: copy.previousVersionRetentionDays,
      expiringPrefixes: [`${OVERWRITTEN_PREFIX}/`],
      preventDestroy: this.production,
      writerRoleArns: [`arn:aws:iam::${aws.accountId}:role/${mediaCopyRoleName(environment)}`],
    }).bucket;

    const serviceAccount = 'media-copy';
    const role = new ServiceAccountRole(this, 'media_copy_irsa', {
      name: mediaCopyRoleName(environment),
      description: `rclone CronJob ${copy.namespace}/${serviceAccount}: writes the copy of ${media.bucketName} into ${copy.bucketName}`,
      accountId: aws.accountId,
      oidcIssuerUrl: cluster.oidcIssuerUrl,
      namespace: copy.namespace,
      serviceAccount,
      permissionsBoundaryArn: this.props.rolesBoundaryArn,
      statements: [
        {
          sid: 'ListTheCopy',
          actions: ['s3:ListBucket', 's3:ListBucketMultipartUploads'],
          resources: [bucket.arn],
        },
        {
          sid: 'WriteTheCopy',
          // DeleteObject only adds a delete marker (the bucket is versioned): rclone moves a replaced copy aside.
          actions: [
            's3:GetObject',
            's3:PutObject',
            's3:DeleteObject',
            's3:AbortMultipartUpload',
            's3:ListMultipartUploadParts',
          ],
          resources: [`${bucket.arn}/*`],
        },
        { sid: 'EncryptTheCopy', actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [key.key.arn] },
      ],
    }).role;

    const reader = r2BucketToken(this, 'media_copy_token', {
      accountId: media.accountId,
      bucketName: media.bucketName,
      tokenName: `media-copy-read-${media.bucketName}`,
      permissions: ['object_read'],
    });
    new MediaCopyChart(this, 'media_copy_job', {
      namespace: cluster.namespace,
      name: serviceAccount,
      labels: cluster.labels,
      schedule: copy.schedule,
      image: copy.image,
      resources: copy.resources,
      runAsUser: copy.runAsUser,
      source: { endpoint: media.endpoint, bucket: media.bucketName, ...reader },
      destination: { region: aws.region, bucket: copy.bucketName, roleArn: role.arn },
      httpsEgressCidrs: [...copy.r2HttpsEgressCidrs, ...copy.awsHttpsEgressCidrs],
    });
    new TerraformOutput(this, 'media_copy_location', { value: `s3://${copy.bucketName}/${MIRROR_PREFIX}/` });
  }
}

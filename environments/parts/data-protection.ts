/**
 * Configuration of data protection: where the database's backups go and how long they are kept, and the second copy
 * of the media library in AWS.
 */
import type { VaultLock } from '../../constructs/backup-vault';
import type { ComputeQuantities } from './cluster';

/** Where copies leave the primary region for. */
export interface DisasterRecoveryConfig {
  /** A second AWS region (≠ aws.region): recovery-point copies live there, encrypted with a key of that region. */
  readonly region: string;
}

/** How long one kind of recovery point is kept, in days, in the primary vault and in the DR region's vault. */
export interface RecoveryPointRetention {
  readonly retentionDays: number;
  /** Days the copy in `dr.region` is kept (only when `copyToDrRegion`). */
  readonly drRetentionDays: number;
}

/**
 * AWS Backup vault lock. `governance` refuses deletes and shorter retentions except to principals with the
 * `backup:DeleteBackupVaultLockConfiguration` permission; `compliance` refuses them to everyone, the root user and AWS
 * included, once `changeableForDays` have passed. A compliance lock CANNOT be undone.
 */
export type VaultLockConfig = VaultLock;

export interface DatabaseBackupConfig {
  /** An AWS Backup plan for the database (required in production). */
  readonly enabled: boolean;
  /** Daily recovery points, taken after the RDS backup window. */
  readonly daily: RecoveryPointRetention;
  /** Monthly recovery points, taken on the first of the month. */
  readonly monthly: RecoveryPointRetention;
  /** Copy every recovery point to `dr.region` (required in production). */
  readonly copyToDrRegion: boolean;
  readonly vaultLock: VaultLockConfig;
}

export interface MediaCopyImage {
  /** Registry and repository of the rclone image, e.g. `docker.io/rclone/rclone`. */
  readonly repository: string;
  /** An exact rclone version tag; never `latest`. */
  readonly tag: string;
  /** `sha256:<64 hex>` to pin the image by content. @default - none: pinned by tag only */
  readonly digest?: string;
}

/** The scheduled copy of the R2 media bucket into an S3 bucket of the primary region. */
export interface MediaCopyConfig {
  readonly enabled: boolean;
  /** The S3 bucket holding the copy (in `aws.region`): a globally unique S3 bucket name. */
  readonly bucketName: string;
  /** When the job runs, a five-field cron expression in UTC, e.g. `17 2 * * *`. */
  readonly schedule: string;
  /** Days an overwritten object's previous version (and any version the job replaced) stays recoverable. */
  readonly previousVersionRetentionDays: number;
  /** Days after which copied objects move to S3 Glacier Instant Retrieval (millisecond reads, 90-day minimum). */
  readonly coldStorageAfterDays: number;
  /** Namespace the job runs in (must enforce the restricted Pod Security level). */
  readonly namespace: string;
  readonly image: MediaCopyImage;
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
  /** UID/GID the container runs as (non-root, ≥ 10000). */
  readonly runAsUser: number;
  /**
   * CIDRs where the job reaches S3 and STS on 443: the VPC CIDR when the VPC has interface endpoints for `s3` and
   * `sts` (private DNS on), otherwise AWS's published S3 and STS ranges of the region. R2 is reached on Cloudflare's
   * ranges.
   */
  readonly awsHttpsEgressCidrs: readonly string[];
  /** Cloudflare's ranges the job reaches R2 on (443). */
  readonly r2HttpsEgressCidrs: readonly string[];
}

export interface DataProtectionConfig {
  readonly dr: DisasterRecoveryConfig;
  readonly backup: DatabaseBackupConfig;
  readonly mediaCopy: MediaCopyConfig;
}

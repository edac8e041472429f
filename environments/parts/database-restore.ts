/**
 * A restore of the database, written as a reviewed config change (`database.restore`): the database layer creates the
 * instance from a snapshot (or AWS Backup recovery point) or from a point in time of another instance's backups.
 */

/** A DB snapshot of this account and region: its identifier (`awsbackup:job-…` for AWS Backup) or its ARN. */
export interface SnapshotSource {
  readonly snapshot: string;
}

/** A point in time of an instance's automated backups (PITR). */
export interface PointInTimeSource {
  readonly pointInTime: {
    /** Identifier of the instance whose backups are replayed (usually the one being replaced). */
    readonly sourceInstance: string;
    /** `YYYY-MM-DDTHH:MM:SSZ` (UTC) within the source's backup retention, or `latest` (≈ 5 minutes ago). */
    readonly time: string;
  };
}

export type RestoreSource = SnapshotSource | PointInTimeSource;

export interface DatabaseRestoreConfig {
  readonly from: RestoreSource;
  /** Identifier of the instance the restored one replaces (the one serving today); the review report names it. */
  readonly replaces: string;
  /**
   * Accept that Terraform destroys the replaced instance (after its final snapshot) in this change. Required in
   * production, and whenever `database.identifier` equals `replaces` (the live instance must go before the restored
   * one can take its name).
   *
   * @default false
   */
  readonly destroyReplacedInstance?: boolean;
}

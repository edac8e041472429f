/**
 * The restore-related arguments of the database instance (`database.restore`), kept apart from the database layer.
 *
 * A restore is read when RDS creates the instance, and `snapshot_identifier` and `restore_to_point_in_time` force a new
 * instance in the AWS provider. While `database.restore` is in the config they are planned: adding it replaces the
 * instance with the restored one (created first under a new `database.identifier`, or, restoring over the live
 * identifier with the explicit `destroyReplacedInstance` switch, after the live one is destroyed). Without it they
 * are ignored (`ignore_changes`), so removing the block after the restore never replaces the instance with an empty
 * one. Ignoring them during the restore would not restore at all: a new identifier alone renames the live instance
 * in place (hashicorp/aws ≥ 5.0).
 */
import type { DbInstanceConfig } from '@cdktf/provider-aws/lib/db-instance';
import type { DatabaseConfig } from '../environments/parts/database';
import type { RestoreSource } from '../environments/parts/database-restore';

export const RESTORE_ATTRIBUTES = ['snapshot_identifier', 'restore_to_point_in_time'];

export type RestoreArguments = Pick<
  DbInstanceConfig,
  'snapshotIdentifier' | 'restoreToPointInTime' | 'lifecycle'
>;

function fromSource(from: RestoreSource | undefined): RestoreArguments {
  if (!from) return {};
  if ('snapshot' in from) return { snapshotIdentifier: from.snapshot };
  const { sourceInstance, time } = from.pointInTime;
  return {
    restoreToPointInTime: {
      sourceDbInstanceIdentifier: sourceInstance,
      ...(time === 'latest' ? { useLatestRestorableTime: true } : { restoreTime: time }),
    },
  };
}

/** Instance arguments for `db.restore`, with the lifecycle that guards the instance (prevent_destroy in production). */
export function restoreArguments(db: DatabaseConfig, production: boolean): RestoreArguments {
  const restore = db.restore;
  const destroyApproved = restore?.destroyReplacedInstance === true;
  const overLiveIdentifier = restore !== undefined && restore.replaces === db.identifier;
  return {
    ...fromSource(restore?.from),
    lifecycle: {
      ...(restore ? {} : { ignoreChanges: RESTORE_ATTRIBUTES }),
      // The restored instance exists (and PgBouncer points at it) before the replaced one is deleted.
      ...(restore && !overLiveIdentifier ? { createBeforeDestroy: true } : {}),
      ...(production && !destroyApproved ? { preventDestroy: true } : {}),
    },
  };
}

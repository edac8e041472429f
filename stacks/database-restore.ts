/**
 * The restore-related arguments of the database instance (`database.restore`), kept apart from the database layer.
 *
 * A restore is read when RDS creates the instance. `snapshot_identifier` and `restore_to_point_in_time` force a new
 * instance in the AWS provider, so they are ignored once the instance exists: editing or removing the restore block
 * later never replaces the instance with an empty one. What makes Terraform create the restored instance is the new
 * `database.identifier` (created before the replaced one goes), or, restoring over the live identifier, the explicit
 * `destroyReplacedInstance` switch, which lets the restore attributes force the replacement.
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
      ...(overLiveIdentifier && destroyApproved ? {} : { ignoreChanges: RESTORE_ATTRIBUTES }),
      // The restored instance exists (and PgBouncer points at it) before the replaced one is deleted.
      ...(restore && !overLiveIdentifier ? { createBeforeDestroy: true } : {}),
      ...(production && !destroyApproved ? { preventDestroy: true } : {}),
    },
  };
}

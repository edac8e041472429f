/**
 * Rules for `database.restore`: one source, a source that exists while the restored instance is created, a point in
 * time inside the backup retention and not in the future, and no instance replaced without the explicit switch.
 */
import type { EnvironmentConfig } from '../config';
import type { DatabaseRestoreConfig } from '../parts/database-restore';
import type { Checker, EnvironmentRule } from '../validation';
import { matches } from './formats';

// Constants and patterns live inside the functions: the module does no work when it is imported (see
// stryker.config.mjs).
const AT = 'database.restore';

/** An RDS instance identifier. */
const isIdentifier = (value: unknown): value is string => matches(value, /^[a-z][a-z0-9-]{0,62}$/);

function checkSnapshot(c: Checker, env: EnvironmentConfig, snapshot: string): void {
  const arn = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):snapshot:[A-Za-z][A-Za-z0-9:-]{0,254}$/.exec(
    snapshot,
  );
  if (!arn) {
    c.check(
      `${AT}.from.snapshot`,
      snapshot,
      // A snapshot id (manual `name`, AWS Backup `awsbackup:job-…`).
      matches(snapshot, /^[A-Za-z][A-Za-z0-9:-]{0,254}$/),
      'a DB snapshot identifier or ARN',
    );
    return;
  }
  c.check(
    `${AT}.from.snapshot`,
    snapshot,
    arn[1] === env.aws.region && arn[2] === env.aws.accountId,
    `a snapshot of account ${env.aws.accountId} in ${env.aws.region}: copy a recovery point from the DR vault back to ${env.aws.region} first (docs/restore-a-database.md)`,
  );
}

function checkPointInTime(
  c: Checker,
  env: EnvironmentConfig,
  { sourceInstance, time }: { sourceInstance: string; time: string },
): void {
  const sourceOk = c.check(
    `${AT}.from.pointInTime.sourceInstance`,
    sourceInstance,
    isIdentifier(sourceInstance),
    'the identifier of the instance whose backups are replayed',
  );
  if (sourceOk)
    c.check(
      `${AT}.from.pointInTime.sourceInstance`,
      sourceInstance,
      sourceInstance !== env.database.identifier,
      `an instance other than database.identifier (${env.database.identifier}): the source must still exist while the restored instance is created, so restore into a new identifier`,
    );
  if (time === 'latest') return;
  if (
    !c.check(
      `${AT}.from.pointInTime.time`,
      time,
      matches(time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      'latest, or a UTC time YYYY-MM-DDTHH:MM:SSZ',
    )
  )
    return;
  const at = Date.parse(time);
  const now = c.now.getTime();
  const oldest = now - env.database.backupRetentionDays * 86_400_000;
  c.check(
    `${AT}.from.pointInTime.time`,
    time,
    at <= now,
    `a time not in the future (now: ${c.now.toISOString()})`,
  );
  c.check(
    `${AT}.from.pointInTime.time`,
    time,
    at >= oldest,
    `a time inside the backup retention (database.backupRetentionDays = ${env.database.backupRetentionDays}): not before ${new Date(oldest).toISOString()}`,
  );
}

function checkReplacement(c: Checker, env: EnvironmentConfig, restore: DatabaseRestoreConfig): void {
  if (
    !c.check(
      `${AT}.replaces`,
      restore.replaces,
      isIdentifier(restore.replaces),
      'the identifier of the instance serving today',
    )
  )
    return;
  const overLive = restore.replaces === env.database.identifier;
  if (overLive)
    c.check(
      `${AT}.destroyReplacedInstance`,
      restore.destroyReplacedInstance,
      restore.destroyReplacedInstance === true,
      `true to restore over the live identifier ${restore.replaces} (it is destroyed before the restored instance exists); better: a new database.identifier`,
    );
  else if (env.tier === 'production')
    c.check(
      `${AT}.destroyReplacedInstance`,
      restore.destroyReplacedInstance,
      restore.destroyReplacedInstance === true,
      `true in production: the change replaces ${restore.replaces}, which prevent_destroy otherwise protects`,
    );
}

export const databaseRestoreRules: readonly EnvironmentRule[] = [
  (env, c) => {
    const restore = env.database.restore;
    if (!restore) return;
    const from = restore.from as Partial<{
      snapshot: string;
      pointInTime: { sourceInstance: string; time: string };
    }>;
    const kinds = [from.snapshot, from.pointInTime].filter((k) => k !== undefined).length;
    if (c.check(`${AT}.from`, Object.keys(from), kinds === 1, 'exactly one of snapshot | pointInTime')) {
      if (from.snapshot !== undefined) checkSnapshot(c, env, from.snapshot);
      if (from.pointInTime !== undefined) checkPointInTime(c, env, from.pointInTime);
    }
    checkReplacement(c, env, restore);
  },
];

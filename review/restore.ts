/**
 * Restores as the verdict sees them: an `aws_db_instance` created, or replaced, from a snapshot or a point in time
 * (`database.restore`, stacks/database-restore.ts). A restore is the one database change a reviewer must never
 * miss, so it is a red note naming the instance it replaces, in which order, and what happens to that instance's
 * logs, read from the planned changes (what is true for this plan, not what the runbook hopes).
 */
import { valueAt } from '../synth/attribute-paths';
import type { Block } from '../synth/terraform-json';
import { code } from './markdown';
import type { Note } from './note';
import type { PlannedChange } from './planned-change';

/** Where a restored instance's data comes from, in Markdown; undefined for an instance created empty. */
export function restoreSource(instance: Block | undefined): string | undefined {
  const snapshot = instance?.snapshot_identifier;
  if (typeof snapshot === 'string' && snapshot !== '') return `snapshot ${code(snapshot)}`;
  const pitr = valueAt(instance, ['restore_to_point_in_time']) as Block | readonly Block[] | undefined;
  const point = Array.isArray(pitr) ? (pitr[0] as Block | undefined) : (pitr as Block | undefined);
  if (!point) return undefined;
  const when =
    point.use_latest_restorable_time === true
      ? 'the latest restorable time'
      : `point in time ${code(String(point.restore_time))}`;
  return `${when} of ${code(String(point.source_db_instance_identifier))}`;
}

const identifierOf = (block: Block | undefined): string => String(block?.identifier ?? '?');

/** What happens to the replaced instance's log groups (`/aws/rds/instance/<identifier>/…`) in this plan. */
function logsOfReplaced(identifier: string, changes: readonly PlannedChange[]): string {
  const groups = changes.filter(
    (c) =>
      c.type === 'aws_cloudwatch_log_group' &&
      (c.action === 'replace' || c.action === 'destroy') &&
      String(c.base?.name ?? '').startsWith(`/aws/rds/instance/${identifier}/`),
  );
  if (groups.length === 0) return '';
  const kept = groups.every((g) => g.base?.skip_destroy === true || g.head?.skip_destroy === true);
  return kept
    ? ` Its log groups leave the Terraform state and keep their logs (\`skip_destroy\`) until their retention expires.`
    : ` Its log groups are deleted with their logs: copy them out first if you need them (docs/restore-a-database.md).`;
}

function restoreNote(change: PlannedChange, changes: readonly PlannedChange[]): Note | undefined {
  const source = restoreSource(change.head);
  if (change.type !== 'aws_db_instance' || !source) return undefined;
  const restored = identifierOf(change.head);
  if (change.action === 'create')
    return {
      severity: 'data-loss',
      address: change.address,
      text: `**restores data**: creates instance ${code(restored)} from ${source}.`,
    };
  if (change.action !== 'replace') return undefined;
  const replaced = identifierOf(change.base);
  const createdFirst = valueAt(change.head, ['lifecycle', 'create_before_destroy']) === true;
  const order =
    replaced === restored
      ? `under the same identifier: ${code(replaced)} is deleted first, and the database is down until the restored instance is available`
      : createdFirst
        ? `the restored ${code(restored)} is created first (PgBouncer is pointed at it in the same apply), then ${code(replaced)} is deleted`
        : `${code(replaced)} is deleted first, then ${code(restored)} is restored: the database is down in between`;
  return {
    severity: 'data-loss',
    address: change.address,
    text:
      `**restores data** from ${source}, replacing instance ${code(replaced)}: ${order}. Writes made to ` +
      `${code(replaced)} after the restore point are not in the restored instance.${logsOfReplaced(replaced, changes)}`,
  };
}

/** A red note for every database instance this change creates or replaces from a backup. */
export function restoreNotes(changes: readonly PlannedChange[]): Note[] {
  return changes.map((c) => restoreNote(c, changes)).filter((n): n is Note => !!n);
}

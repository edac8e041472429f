/**
 * Restores as the review sees them: an `aws_db_instance` created from a snapshot or a point in time, and what such a
 * change replaces. A restore is the one database change a reviewer must never miss, so it is shown in red.
 */
import { get } from '../synth/synthesized-environment';
import type { Block } from '../synth/terraform-json';

/** Where a restored instance's data comes from, in words; undefined for an instance created empty. */
export function restoreSource(instance: Block): string | undefined {
  if (typeof instance.snapshot_identifier === 'string' && instance.snapshot_identifier !== '')
    return `snapshot \`${instance.snapshot_identifier}\``;
  const pitr = get(instance, 'restore_to_point_in_time') as Block | undefined;
  if (!pitr) return undefined;
  const when =
    pitr.use_latest_restorable_time === true
      ? 'latest restorable time'
      : `point in time ${String(pitr.restore_time)}`;
  return `${when} of \`${String(pitr.source_db_instance_identifier)}\``;
}

/** GitHub renders `$\color{red}{…}$` in red; elsewhere the 🔴 and the capitals carry it. */
export const red = (text: string): string => `🔴 $\\color{red}{\\textsf{${text}}}$`;

/** The red line of a change that restores `head` over `replaced` (the identifier serving before the change). */
export function restoreWarning(
  address: string,
  head: Block,
  replaced: string | undefined,
): string | undefined {
  const source = restoreSource(head);
  if (!source) return undefined;
  const target = String(head.identifier);
  const replaces = replaced
    ? `replacing instance **${replaced}**${replaced === target ? ' under the same identifier (it is destroyed first)' : ` (the restored instance is **${target}**)`}`
    : `as new instance **${target}**`;
  return `- ${red('RESTORES DATA')} \`${address}\` is created from ${source}, ${replaces}`;
}

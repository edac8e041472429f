/**
 * The shape of `terraform show -json <planfile>` (JSON output format 1.x), as much of it as the review reads.
 * https://developer.hashicorp.com/terraform/internals/json-format#plan-representation
 */

/** A value's mask in `after_unknown` / `before_sensitive` / `after_sensitive`: `true` or the same shape as the value. */
export type ValueMask = boolean | readonly ValueMask[] | { readonly [key: string]: ValueMask };

export interface PlanResourceChange {
  readonly address: string;
  readonly previous_address?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly change: {
    /** ["no-op"], ["create"], ["read"], ["update"], ["delete", "create"], ["create", "delete"], ["delete"], ["forget"]. */
    readonly actions: readonly string[];
    readonly before: Record<string, unknown> | null;
    readonly after: Record<string, unknown> | null;
    readonly after_unknown?: ValueMask;
    readonly before_sensitive?: ValueMask;
    readonly after_sensitive?: ValueMask;
    /** Paths (keys and list indices) whose change forces replacement. */
    readonly replace_paths?: readonly (readonly (string | number)[])[];
  };
  /** e.g. replace_because_cannot_update, replace_by_triggers, delete_because_no_resource_config. */
  readonly action_reason?: string;
}

export interface PlannedResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly values: Record<string, unknown>;
}

export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version: string;
  readonly planned_values?: { readonly root_module: { readonly resources?: readonly PlannedResource[] } };
  readonly resource_changes?: readonly PlanResourceChange[];
  readonly configuration?: Record<string, unknown>;
  readonly errored?: boolean;
}

/** Reads a `terraform show -json` document, refusing anything else with a message naming the file. */
export function parsePlanJson(text: string, file: string): PlanJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file} is not JSON (${(error as Error).message}); pass \`terraform show -json <planfile>\``,
    );
  }
  const plan = parsed as Partial<PlanJson>;
  if (typeof plan.format_version !== 'string' || !('resource_changes' in plan || 'planned_values' in plan))
    throw new Error(
      `${file} is not a plan in \`terraform show -json\` format (no format_version / resource_changes)`,
    );
  return plan as PlanJson;
}

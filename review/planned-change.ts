/**
 * What will happen to one resource, whichever way it was learnt: from the configuration diff and the providers'
 * replace-forcing attributes (planned-from-config.ts), or from a real plan (planned-from-plan.ts).
 */
import type { AttributePath } from '../synth/attribute-paths';
import type { Block } from '../synth/terraform-json';

export type Action = 'create' | 'update' | 'replace' | 'destroy' | 'none';

/** A value the plan only knows after apply. */
export const UNKNOWN = Symbol('known after apply');

export interface PlannedLeaf {
  readonly path: AttributePath;
  /** `undefined`: absent on that side; UNKNOWN: known after apply. */
  readonly before: unknown;
  readonly after: unknown;
  /** Sensitive (or secret-looking): shown masked. */
  readonly sensitive?: boolean;
  /** A meta-argument (lifecycle, depends_on): no API call. */
  readonly meta?: boolean;
  /** Covered by the resource's `lifecycle.ignore_changes`: Terraform plans nothing for it. */
  readonly ignored?: boolean;
  /** The change comes from another resource: `cloudflare_r2_bucket.media_bucket.name`. */
  readonly via?: string;
}

export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  readonly action: Action;
  /** For a move, the address in the base (a moved resource may also be updated or replaced). */
  readonly movedFrom?: string;
  readonly leaves: readonly PlannedLeaf[];
  /** The changed paths that force the replacement, as the provider names them. */
  readonly replacePaths: readonly string[];
  /** Configuration of the resource in the base and in the head, when known. */
  readonly base?: Block;
  readonly head?: Block;
}

/** Where the verdict comes from. */
export type ChangeSource =
  | { readonly kind: 'config' }
  | { readonly kind: 'plan'; readonly file: string; readonly terraformVersion: string };

export interface EnvironmentChanges {
  readonly source: ChangeSource;
  readonly changes: readonly PlannedChange[];
}

const rank: Record<Action, number> = { none: 0, update: 1, create: 2, destroy: 3, replace: 4 };

/** The stronger of two actions (a resource updated directly and replaced by a knock-on is replaced). */
export const stronger = (a: Action, b: Action): Action => (rank[a] >= rank[b] ? a : b);

export const isChange = (c: PlannedChange): boolean => c.action !== 'none' || c.movedFrom !== undefined;

/** Secret-looking keys: their values are never printed. */
const secretKey = /passw(or)?d|secret_access_key|^secret|secret$|token$|private_key|credential|userlist/i;
/** Values computed from a secret: a generated password, a token's value. */
const secretReference = /random_password\.[\w-]+\.result|\.value\b|\.secret\b|password/i;

/** Whether a leaf's value must be masked: a secret-looking key, or a value computed from a secret. */
export function looksSecret(path: AttributePath, ...values: unknown[]): boolean {
  const strings = values.filter((v): v is string => typeof v === 'string');
  if (strings.length === 0) return false;
  if (path.some((s) => typeof s === 'string' && secretKey.test(s))) return true;
  return strings.some((v) => /\$\{/.test(v) && secretReference.test(v));
}

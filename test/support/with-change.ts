/**
 * Variants of a read-only environment config for tests: a deep copy with one change applied (no cdktf loaded).
 */
import type { EnvironmentConfig } from '../../environments/config';

/** A writable view of a read-only config, for tests that derive variants. */
export type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;

/** A deep copy of `config` (an environment's, the local setup's) with `change` applied to the copy, for one-off bad or varied inputs. */
export function withChange<T extends object = EnvironmentConfig>(
  config: T,
  change: (copy: Writable<T>) => void,
): T {
  const copy = structuredClone(config) as Writable<T>;
  change(copy);
  return copy as T;
}

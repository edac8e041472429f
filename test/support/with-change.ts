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

/** A deep copy of `env` with `change` applied to the copy, for one-off bad or varied inputs. */
export function withChange(
  env: EnvironmentConfig,
  change: (copy: Writable<EnvironmentConfig>) => void,
): EnvironmentConfig {
  const copy = structuredClone(env) as Writable<EnvironmentConfig>;
  change(copy);
  return copy;
}

/**
 * No key is dropped silently: a key the configuration interfaces do not declare, at any depth (a misspelt optional
 * field, an undeclared app, an unknown block), is refused with its full path and the keys allowed there. `cdktf synth`
 * runs without a type-checker, so this is what stops a typo that `tsc` alone would catch.
 */
import { type ConfigShape, unknownKeys } from '../config-shape';
import { environmentConfigShape } from '../config-shape.generated';
import type { Checker, EnvironmentRule } from '../validation';

/** Records a failure for every key of `value` that `shape` does not declare. */
export function checkKnownKeys(c: Checker, value: unknown, shape: ConfigShape): void {
  for (const { path, key, allowed } of unknownKeys(value, shape)) {
    c.check(path, key, false, `a key declared at this depth (${allowed.join(', ')})`);
  }
}

export const knownKeyRules: readonly EnvironmentRule[] = [
  (env, c) => checkKnownKeys(c, env, environmentConfigShape),
];

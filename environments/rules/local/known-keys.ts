/**
 * The local setup declares no key its interface lacks (environments/rules/known-keys.ts says why); the environment it
 * mirrors (`basedOn`) is checked by the environment rules.
 */
import { localConfigShape } from '../../config-shape.generated';
import type { LocalRule } from '../../validation';
import { checkKnownKeys } from '../known-keys';

export const localKnownKeyRules: readonly LocalRule[] = [
  (local, _registry, c) => checkKnownKeys(c, local, localConfigShape),
];

/**
 * The rules of the local development setup (environments/local.ts), run by environments/validate-local.ts.
 */
import type { LocalRule } from '../../validation';
import { localImageRules } from './images';
import { localKnownKeyRules } from './known-keys';
import { localNameRules } from './names';
import { localObjectStoreRules } from './object-store';
import { localPortRules } from './ports';
import { localSettingsRules } from './settings';

export const localRules: readonly LocalRule[] = [
  ...localKnownKeyRules,
  ...localNameRules,
  ...localPortRules,
  ...localImageRules,
  ...localObjectStoreRules,
  ...localSettingsRules,
];

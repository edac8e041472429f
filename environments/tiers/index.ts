/**
 * The tiers an environment can be built from, by name (`EnvironmentConfig.tier`).
 */
import type { EnvironmentTier } from '../config';
import { development } from './development';
import { production } from './production';
import type { Tier } from './tier';

export const tiers: Readonly<Record<EnvironmentTier, Tier>> = { development, production };

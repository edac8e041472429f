/**
 * The registry of environments. Adding one (e.g. staging) = one new file next to dev.ts + one line here.
 */
import type { EnvironmentConfig } from './config';
import { dev } from './dev';
import { prod } from './prod';

export const environments: readonly EnvironmentConfig[] = [dev, prod];

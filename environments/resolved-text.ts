/**
 * An environment's whole resolved config as text, for `npm run config -- <name>`: JSON with its name and tier first,
 * then every field in the order the tier and the environment wrote it (reviewers read values, not inheritance).
 */
import type { EnvironmentConfig } from './config';

export function resolvedConfigText(env: EnvironmentConfig): string {
  return `${JSON.stringify(Object.assign({ name: env.name, tier: env.tier }, env), null, 2)}\n`;
}

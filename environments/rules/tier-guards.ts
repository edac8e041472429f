/**
 * An environment may make its tier's guards stricter, never weaker. The merge lets an environment file write any
 * field over its tier's value; for the retention periods, key deletion window, vault lock window and alarm delay the
 * tier writes, the environment's value must be at least as protective as the tier's. Reported on `(<tier> tier) <field>`:
 * a value also outside the field's absolute bounds fails that field's own rule as well, and says so separately.
 */
import type { EnvironmentConfig } from '../config';
import { valueAtField } from '../field-path';
import { tiers } from '../tiers';
import type { OwnValues } from '../tiers/environment-values';
import type { EnvironmentRule } from '../validation';

/** `at-least`: a longer retention protects more; `at-most`: a shorter window or delay does. */
type Direction = 'at-least' | 'at-most';

const GUARDS: readonly (readonly [path: string, direction: Direction])[] = [
  ['database.logRetentionDays', 'at-least'],
  ['database.kmsDeletionWindowDays', 'at-least'],
  ['dataProtection.backup.daily.drRetentionDays', 'at-least'],
  ['dataProtection.backup.monthly.retentionDays', 'at-least'],
  ['dataProtection.backup.monthly.drRetentionDays', 'at-least'],
  ['dataProtection.backup.vaultLock.changeableForDays', 'at-most'],
  ['dataProtection.mediaCopy.previousVersionRetentionDays', 'at-least'],
  ['observability.auditTrail.logRetentionDays', 'at-least'],
  ['observability.alarms.sustainMinutes', 'at-most'],
];

export const tierGuardRules: readonly EnvironmentRule[] = [
  (env: EnvironmentConfig, c) => {
    const tier = tiers[env.tier];
    if (!tier) return; // an unknown tier: the core rules report it
    let shape: unknown;
    try {
      shape = tier.shape(env as unknown as OwnValues);
    } catch {
      return; // a config missing what the tier reads: the structure failures say so
    }
    for (const [path, direction] of GUARDS) {
      const [own, tiered] = [valueAtField(env, path), valueAtField(shape, path)];
      if (typeof own !== 'number' || typeof tiered !== 'number') continue; // absent or malformed: its own rule
      c.check(
        `(${tier.name} tier) ${path}`,
        own,
        direction === 'at-least' ? own >= tiered : own <= tiered,
        `${direction === 'at-least' ? 'at least' : 'at most'} ${tiered}, the ${tier.name} tier's: an environment may make its tier's guards stricter, never weaker`,
      );
    }
  },
];

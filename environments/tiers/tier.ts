/**
 * A tier: what every environment of it shares, written once. `shape` writes every field an environment does not
 * write itself, some of them derived from its own values (names from its name, buckets from its account).
 */
import type { EnvironmentConfig, EnvironmentTier } from '../config';
import type { ProductGuardrails } from '../products/resolve';
import type { PolicyWaiver } from '../parts/review';
import type { Overrides } from './merge';
import type { OwnValues } from './environment-values';

export interface Tier {
  readonly name: EnvironmentTier;
  /** Waivers every environment of the tier carries: it lists them first in its `policyWaivers` (`...tier.waivers`). */
  readonly waivers: readonly PolicyWaiver[];
  /** The Pod Security levels and container limits of every product namespace. */
  readonly productGuardrails: ProductGuardrails;
  /** Every field the tier writes for an environment with these own values. */
  readonly shape: (own: OwnValues) => Overrides<EnvironmentConfig>;
}

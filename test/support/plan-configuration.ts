/**
 * Reading the `configuration` section of `terraform show -json` (what the plan was made from: each resource's provider
 * and its expressions, with the addresses they reference), for assertions on values unknown until apply.
 */
import type { PlanJson } from '../../synth/plan-json';

export interface ConfiguredResource {
  readonly address: string;
  readonly provider_config_key: string;
  readonly expressions: Record<string, unknown>;
}

interface Configuration {
  provider_config: Record<string, { expressions?: { region?: { constant_value?: string } } }>;
  root_module: { resources: ConfiguredResource[] };
}

export function configuredResource(plan: PlanJson, address: string): ConfiguredResource {
  const found = (plan.configuration as unknown as Configuration).root_module.resources.find(
    (r) => r.address === address,
  );
  if (!found) throw new Error(`${address} is not in the plan's configuration`);
  return found;
}

/** The constant region of a provider configuration (`aws`, `aws.dr`). */
export function providerRegion(plan: PlanJson, key: string): string | undefined {
  return (plan.configuration as unknown as Configuration).provider_config[key]?.expressions?.region
    ?.constant_value;
}

/** The resource an attribute's expression references (`type.name`), from its `references` list. */
export function referencedAddress(
  resource: { expressions: Record<string, unknown> },
  attribute: string,
): string {
  const references =
    (resource.expressions[attribute] as { references?: string[] } | undefined)?.references ?? [];
  const address = references.find((r) => /^[a-z0-9_]+\.[\w-]+$/.test(r));
  if (!address) throw new Error(`${attribute} references no resource: ${JSON.stringify(references)}`);
  return address;
}

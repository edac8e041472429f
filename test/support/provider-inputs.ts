/**
 * Providers may only be configured from values known at plan time: literals from the config, environment
 * variables, and data sources of pre-existing things. A resource attribute in a provider block is unknown until
 * apply, and Terraform then plans the provider with no configuration.
 */
import { referencesOf } from '../../review/terraform/aws-part';
import { addresses, type TerraformJson } from '../../synth/terraform-json';

/** `provider -> resource address` for every provider block that references a resource of the same stack. */
export function providersUsingResources(stack: TerraformJson): string[] {
  const resources = new Set(addresses(stack.resource));
  return Object.entries(stack.provider ?? {}).flatMap(([name, blocks]) =>
    referencesOf(blocks, (a) => resources.has(a)).map((ref) => `${name} -> ${ref}`),
  );
}

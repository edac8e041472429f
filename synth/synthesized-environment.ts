/**
 * An environment as the policy rules and the review tooling both see it: its config and its synthesized Terraform
 * JSON, plus the two readers every consumer needs.
 */
import type { EnvironmentConfig } from '../environments/config';
import type { Block, TerraformJson } from './terraform-json';

export interface SynthesizedEnvironment {
  readonly config: EnvironmentConfig;
  readonly stack: TerraformJson;
  /**
   * The stack's name when it is not the environment's own: a per-account bootstrap stack, judged with the config of
   * its account's first environment (tier, waivers). @default - the environment's name
   */
  readonly stackName?: string;
}

/** The name of the stack this synthesized environment is (what `cdktf deploy <name>` takes). */
export const stackNameOf = (env: SynthesizedEnvironment): string => env.stackName ?? env.config.name;

/** Every block of the given types, as [address, block]. */
export function blocksOf(stack: TerraformJson, types: readonly string[]): [string, Block][] {
  return types.flatMap((type) => {
    const [section, name] = type.startsWith('data.') ? [stack.data, type.slice(5)] : [stack.resource, type];
    const prefix = type.startsWith('data.') ? 'data.' : '';
    return Object.entries(section?.[name] ?? {}).map(
      ([n, block]) => [`${prefix}${name}.${n}`, block] as [string, Block],
    );
  });
}

/** Reads a nested value: get(block, 'spec', 'template', 'spec'). Lists of one block are stepped through. */
export function get(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (Array.isArray(current) && current.length === 1) current = current[0];
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

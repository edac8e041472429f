/**
 * The shape of a synthesized stack (`cdk.tf.json`), as much of it as the tests read.
 */
export type Block = Record<string, unknown>;
export type BlocksByName = Record<string, Block>;

export interface TerraformJson {
  terraform?: { backend?: Record<string, Block>; required_providers?: Record<string, Block> } & Block;
  provider?: Record<string, Block[]>;
  resource?: Record<string, BlocksByName>;
  data?: Record<string, BlocksByName>;
  output?: BlocksByName;
  [section: string]: unknown;
}

/** Every `type.name` of a section, e.g. `aws_db_instance.database_instance`. */
export function addresses(section: Record<string, BlocksByName> | undefined): string[] {
  return Object.entries(section ?? {}).flatMap(([type, byName]) =>
    Object.keys(byName).map((name) => `${type}.${name}`),
  );
}

/** All blocks of one resource type. */
export function resourcesOfType(stack: TerraformJson, type: string): BlocksByName {
  return stack.resource?.[type] ?? {};
}

/** The only block of a resource type; fails when there is none or more than one. */
export function onlyResource(stack: TerraformJson, type: string): Block {
  const blocks = Object.values(resourcesOfType(stack, type));
  if (blocks.length !== 1) throw new Error(`expected exactly one ${type}, found ${blocks.length}`);
  return blocks[0];
}

/**
 * The output of `terraform providers schema -json` (types and schema versions of every resource type), and the
 * placeholder values a simulated state uses where a plan only knows "known after apply".
 * https://developer.hashicorp.com/terraform/cli/commands/providers/schema
 */

export type CtyType = string | readonly [string, unknown];

export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, { readonly type?: CtyType }>>;
  readonly block_types?: Readonly<
    Record<
      string,
      { readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map'; readonly block: SchemaBlock }
    >
  >;
}

export interface ProviderSchemas {
  readonly provider_schemas: Readonly<
    Record<
      string,
      { readonly resource_schemas?: Readonly<Record<string, { version: number; block: SchemaBlock }>> }
    >
  >;
}

/** The schema of one resource type, whichever provider has it. */
export function resourceSchema(
  schemas: ProviderSchemas,
  type: string,
): { version: number; block: SchemaBlock } | undefined {
  for (const provider of Object.values(schemas.provider_schemas)) {
    const schema = provider.resource_schemas?.[type];
    if (schema) return schema;
  }
  return undefined;
}

/** What a value is: a nested block of a resource schema, or an attribute of a cty type. */
export type Shape = { readonly block: SchemaBlock } | { readonly type: CtyType } | undefined;

/** The shape of `key` inside a value of shape `shape`. */
export function childShape(shape: Shape, key: string | number): Shape {
  if (!shape) return undefined;
  if ('block' in shape) {
    if (typeof key === 'number') return shape;
    const attribute = shape.block.attributes?.[key];
    if (attribute?.type) return { type: attribute.type };
    const nested = shape.block.block_types?.[key];
    if (!nested) return undefined;
    return nested.nesting_mode === 'single' || nested.nesting_mode === 'group'
      ? { block: nested.block }
      : { type: ['list', { block: nested.block }] };
  }
  const [kind, inner] = Array.isArray(shape.type) ? shape.type : [shape.type, undefined];
  if (kind === 'object') return { type: ((inner as Record<string, CtyType>)[key] ?? 'string') as CtyType };
  if (['list', 'set', 'map'].includes(kind as string))
    return inner && typeof inner === 'object' && 'block' in (inner as object)
      ? (inner as { block: SchemaBlock })
      : { type: inner as CtyType };
  return undefined;
}

/**
 * A placeholder for a value the plan leaves unknown: deterministic, of the right type, and named after where it
 * sits so a reader of the simulated state can tell it is not real (ARNs use AWS's documentation account).
 */
export function placeholder(shape: Shape, label: string): unknown {
  if (!shape) return `offline-${label}`;
  if ('block' in shape)
    return Object.fromEntries([
      ...Object.keys(shape.block.attributes ?? {}).map((k) => [
        k,
        placeholder(childShape(shape, k), `${label}.${k}`),
      ]),
      ...Object.entries(shape.block.block_types ?? {}).map(([k, b]) => [
        k,
        b.nesting_mode === 'single' ? null : [],
      ]),
    ]);
  const kind = Array.isArray(shape.type) ? shape.type[0] : shape.type;
  switch (kind) {
    case 'number':
      return 0;
    case 'bool':
      return false;
    case 'list':
    case 'set':
      // One element, so that expressions indexing the list (`master_user_secret[0].secret_arn`) still evaluate.
      return [placeholder(childShape(shape, 0), `${label}[0]`)];
    case 'tuple':
      return [];
    case 'map':
      return {};
    case 'object':
      return Object.fromEntries(
        Object.keys(shape.type[1] as Record<string, CtyType>).map((k) => [
          k,
          placeholder(childShape(shape, k), `${label}.${k}`),
        ]),
      );
    default:
      return /(^|_)arn$/.test(label.split('.').pop() ?? '')
        ? `arn:aws:offline:us-east-1:123456789012:${label}`
        : `offline-${label}`;
  }
}

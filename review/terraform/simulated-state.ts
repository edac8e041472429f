/**
 * A Terraform state "as if the base had been applied", written from the base configuration by the real provider:
 * plan the base against nothing, record the planned values (placeholders where the plan says "known after apply"),
 * then plan the base against that state until the plan is empty — each round resolves the references to values
 * that the previous round only knew as placeholders. Planning the head against the result (refresh off, no API
 * call) shows what the provider would do to a deployed base: updates, replacements and their `replace_paths`.
 *
 * What it cannot know: values AWS computes (ids, ARNs, endpoints) are placeholders, and nothing drifted in the
 * console is seen. It answers "what does this configuration change do", not "what does the live plan say".
 */
import type { PlanJson, PlanResourceChange, ValueMask } from '../../synth/plan-json';
import type { TerraformJson } from '../../synth/terraform-json';
import type { OfflinePlanSession } from './offline-plan';
import {
  childShape,
  placeholder,
  resourceSchema,
  type ProviderSchemas,
  type Shape,
} from './provider-schemas';

export interface SimulatedState {
  readonly version: 4;
  readonly terraform_version: string;
  readonly serial: number;
  readonly lineage: string;
  readonly outputs: Record<string, never>;
  readonly resources: StateResource[];
}

interface StateResource {
  mode: 'managed';
  type: string;
  name: string;
  provider: string;
  instances: {
    schema_version: number;
    attributes: Record<string, unknown>;
    sensitive_attributes: unknown[];
  }[];
}

/**
 * The state's record of sensitive paths (format 4: steps of `get_attr` / `index`) from a plan's `after_sensitive`
 * mask; without it Terraform plans an update only to mark the values sensitive.
 */
function sensitivePaths(mask: ValueMask | undefined, steps: unknown[] = []): unknown[][] {
  if (mask === true) return [steps];
  if (Array.isArray(mask))
    return mask.flatMap((m, i) =>
      sensitivePaths(m, [...steps, { type: 'index', value: { value: i, type: 'number' } }]),
    );
  if (isMask(mask))
    return Object.entries(mask).flatMap(([k, m]) =>
      sensitivePaths(m, [...steps, { type: 'get_attr', value: k }]),
    );
  return [];
}

/** Rounds of re-planning allowed: one per level of references between the base's resources, with room to spare. */
const MAX_ROUNDS = 6;

const isMask = (mask: ValueMask | undefined): mask is { readonly [key: string]: ValueMask } =>
  typeof mask === 'object' && mask !== null && !Array.isArray(mask);

/** `value` with every unknown part (per `mask`) replaced by a typed placeholder. */
function withPlaceholders(value: unknown, mask: ValueMask | undefined, shape: Shape, label: string): unknown {
  if (mask === true) return placeholder(shape, label);
  if (Array.isArray(mask) && Array.isArray(value))
    return value.map((v, i) => withPlaceholders(v, mask[i], childShape(shape, i), label));
  if (isMask(mask) && value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = new Set([...Object.keys(value), ...Object.keys(mask)]);
    return Object.fromEntries(
      [...keys].map((k) => [
        k,
        withPlaceholders(
          (value as Record<string, unknown>)[k],
          mask[k],
          childShape(shape, k),
          `${label}.${k}`,
        ),
      ]),
    );
  }
  return value ?? null;
}

/** `previous` updated with the known parts of `after`; unknown parts keep what `previous` had. */
function mergeKnown(
  previous: unknown,
  after: unknown,
  mask: ValueMask | undefined,
  shape: Shape,
  label: string,
): unknown {
  if (mask === true) return previous;
  const bothObjects = [previous, after].every((v) => v && typeof v === 'object' && !Array.isArray(v));
  if (bothObjects && (isMask(mask) || mask === undefined || mask === false)) {
    const [p, a] = [previous as Record<string, unknown>, after as Record<string, unknown>];
    return Object.fromEntries(
      [...new Set([...Object.keys(p), ...Object.keys(a)])].map((k) => [
        k,
        mergeKnown(p[k], a[k], isMask(mask) ? mask[k] : undefined, childShape(shape, k), `${label}.${k}`),
      ]),
    );
  }
  if (
    Array.isArray(previous) &&
    Array.isArray(after) &&
    previous.length === after.length &&
    Array.isArray(mask)
  )
    return after.map((v, i) => mergeKnown(previous[i], v, mask[i], childShape(shape, i), label));
  return withPlaceholders(after, mask, shape, label);
}

/**
 * What a deployed resource holds where a typed placeholder would be a value the provider refuses: a standard (not
 * FIFO) SNS topic reports no FIFO throughput scope, and the provider rejects any scope on a standard topic.
 */
const deployedValues: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  aws_sns_topic: { fifo_throughput_scope: '' },
};

/** `attributes` with the deployed value of every top-level attribute the plan only knew after apply. */
function asDeployed(type: string, attributes: Record<string, unknown>, unknown: ValueMask | undefined) {
  const known = Object.entries(deployedValues[type] ?? {}).filter(
    ([k]) => isMask(unknown) && unknown[k] === true,
  );
  return { ...attributes, ...Object.fromEntries(known) };
}

/** The state's provider address of a resource: `provider["…/aws"]`, or `provider["…/aws"].dr` for an alias. */
function providerAddress(change: PlanResourceChange, config: TerraformJson): string {
  const local = change.type.split('_')[0];
  const configured = config.resource?.[change.type]?.[change.name]?.provider;
  const alias = typeof configured === 'string' ? configured.split('.')[1] : undefined;
  return `provider["registry.terraform.io/hashicorp/${local}"]${alias ? `.${alias}` : ''}`;
}

function stateResource(
  change: PlanResourceChange,
  schemas: ProviderSchemas,
  config: TerraformJson,
): StateResource {
  const schema = resourceSchema(schemas, change.type);
  const shape: Shape = schema ? { block: schema.block } : undefined;
  return {
    mode: 'managed',
    type: change.type,
    name: change.name,
    provider: providerAddress(change, config),
    instances: [
      {
        schema_version: schema?.version ?? 0,
        attributes: asDeployed(
          change.type,
          withPlaceholders(change.change.after, change.change.after_unknown, shape, change.address) as Record<
            string,
            unknown
          >,
          change.change.after_unknown,
        ),
        sensitive_attributes: sensitivePaths(change.change.after_sensitive),
      },
    ],
  };
}

const pending = (plan: PlanJson): PlanResourceChange[] =>
  (plan.resource_changes ?? []).filter(
    (c) => c.mode === 'managed' && !c.change.actions.every((a) => a === 'no-op'),
  );

/**
 * The base without `prevent_destroy` (while the rounds settle, a placeholder may briefly force a replacement; the
 * guard belongs to the head's plan, not to the making of the state) and without outputs (they are not state).
 */
function withoutPreventDestroy(stack: TerraformJson): TerraformJson {
  const copy = structuredClone(stack);
  delete copy.output;
  for (const byName of Object.values(copy.resource ?? {}))
    for (const block of Object.values(byName)) {
      const lifecycle = block.lifecycle as Record<string, unknown> | undefined;
      if (lifecycle) delete lifecycle.prevent_destroy;
    }
  return copy;
}

/**
 * Plans `base` in `session` until it converges and returns the state it converged to. Throws, naming the
 * resources, when the base keeps changing (a configuration that never converges would show a perpetual diff).
 */
export function simulateState(session: OfflinePlanSession, base: TerraformJson): SimulatedState {
  session.configure(withoutPreventDestroy(base));
  const schemas = session.providerSchemas();
  const first = pending(session.plan());
  const resources = first.map((c) => stateResource(c, schemas, base));
  const state = (serial: number): SimulatedState => ({
    version: 4,
    terraform_version: '1.11.0',
    serial,
    lineage: '00000000-0000-4000-8000-000000000001',
    outputs: {},
    resources,
  });
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const changes = pending(session.plan(state(round)));
    if (changes.length === 0) return state(round);
    for (const change of changes) {
      const resource = resources.find((r) => `${r.type}.${r.name}` === change.address);
      if (!resource || !change.change.after)
        throw new Error(`simulated state: unexpected change of ${change.address}`);
      const schema = resourceSchema(schemas, change.type);
      const instance = resource.instances[0];
      instance.attributes = mergeKnown(
        instance.attributes,
        change.change.after,
        change.change.after_unknown,
        schema ? { block: schema.block } : undefined,
        change.address,
      ) as Record<string, unknown>;
    }
  }
  const still = pending(session.plan(state(MAX_ROUNDS + 1))).map(
    (c) => `${c.address} (${c.change.actions.join('+')})`,
  );
  throw new Error(`the base does not converge after ${MAX_ROUNDS} rounds: ${still.join(', ')}`);
}

/**
 * Applies the `random_password` and `postgresql_*` resources of a synthesized stack to a real PostgreSQL, in
 * dependency order, the way `terraform apply` would: passwords are generated, `${type.name.attr}` references are
 * resolved from what was applied before, and each PostgreSQL resource runs the provider's SQL (emulated, see
 * postgresql-provider-emulation.ts). Dependencies on resources outside the applied set (the RDS instance) count
 * as already satisfied: the local server plays that part.
 */
import { randomInt } from 'node:crypto';
import type { Client } from 'pg';
import { referencesOf } from '../../review/terraform/aws-part';
import { emulatedResources, type Attributes } from './postgresql-provider-emulation';
import type { Block, TerraformJson } from '../../synth/terraform-json';

/** Every resource type the emulated apply knows, in the order a first deploy creates them. */
export const ACCESS_RESOURCE_TYPES = [
  'random_password',
  'postgresql_role',
  'postgresql_schema',
  'postgresql_grant',
  'postgresql_default_privileges',
] as const;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** What apply produced, by address (e.g. `random_password.x` → { result }). */
export type AppliedState = Map<string, Attributes>;

function resolve(value: unknown, state: AppliedState): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([a-z_]+\.[\w-]+)\.(\w+)\}$/.exec(value);
    if (whole) {
      const applied = state.get(whole[1]);
      if (!applied || !(whole[2] in applied))
        throw new Error(`cannot resolve ${value}: ${whole[1]} not applied yet`);
      return applied[whole[2]];
    }
    if (value.includes('${')) throw new Error(`unsupported expression in emulated apply: ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, state));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'depends_on' && k !== 'lifecycle' && k !== '//')
        .map(([k, v]) => [k, resolve(v, state)]),
    );
  }
  return value;
}

function generatePassword(a: Attributes): string {
  if (a.special !== false) throw new Error('emulated random_password supports special = false only');
  return Array.from({ length: Number(a.length) }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join(
    '',
  );
}

/** Addresses of `types` in the stack, ordered so that each comes after everything it references. */
function applyOrder(stack: TerraformJson, types: readonly string[]): string[] {
  const blocks = new Map<string, Block>();
  for (const type of types) {
    for (const [name, block] of Object.entries(stack.resource?.[type] ?? {}))
      blocks.set(`${type}.${name}`, block);
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (address: string): void => {
    if (ordered.includes(address)) return;
    if (visiting.has(address)) throw new Error(`dependency cycle at ${address}`);
    visiting.add(address);
    for (const dependency of referencesOf(blocks.get(address), (a) => blocks.has(a)).sort())
      visit(dependency);
    visiting.delete(address);
    ordered.push(address);
  };
  [...blocks.keys()].sort().forEach(visit);
  return ordered;
}

/** Replaces every `${type.name.attr}` inside `text` with its applied value (e.g. passwords in a userlist). */
export function resolveInline(text: string, state: AppliedState): string {
  const resolved = text.replace(
    /\$\{([a-z_]+\.[\w-]+)\.(\w+)\}/g,
    (whole, address: string, attribute: string) => {
      const value = state.get(address)?.[attribute];
      if (value === undefined) throw new Error(`cannot resolve ${whole}: not applied`);
      return String(value);
    },
  );
  if (resolved.includes('${')) throw new Error(`unresolved expression left in: ${resolved}`);
  return resolved;
}

/** Applies every resource of `types` not applied yet; returns the addresses applied, in order. */
export async function emulatedApply(
  client: Client,
  stack: TerraformJson,
  types: readonly string[],
  state: AppliedState,
): Promise<string[]> {
  const applied: string[] = [];
  for (const address of applyOrder(stack, types)) {
    if (state.has(address)) continue;
    const [type, name] = address.split('.');
    const attributes = resolve(stack.resource?.[type]?.[name], state) as Attributes;
    if (type === 'random_password') {
      state.set(address, { ...attributes, result: generatePassword(attributes) });
    } else {
      const create = emulatedResources[type];
      if (!create) throw new Error(`no emulation for ${type}`);
      try {
        await create(client, attributes);
      } catch (error) {
        throw new Error(`emulated apply of ${address} failed: ${(error as Error).message}`);
      }
      state.set(address, attributes);
    }
    applied.push(address);
  }
  return applied;
}

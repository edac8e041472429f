/**
 * Applies the `random_*` and `postgresql_*` resources of a synthesized stack to a real PostgreSQL, in
 * dependency order, the way `terraform apply` would: each resource's arguments go through the provider's checks
 * (postgresql-provider-inputs.ts), `${type.name.attr}` references are resolved from what was applied before, and
 * each PostgreSQL resource runs the provider's SQL (postgresql-provider-emulation.ts). `planChangesOf` then reads
 * every applied resource back as the provider's refresh would (postgresql-provider-read.ts) and reports what the
 * next plan would change. Dependencies on resources outside the applied set (the RDS instance) count as
 * satisfied: the local server plays that part. A `data.external` a resource references is read when first needed,
 * as Terraform reads it during the apply: its program runs for real (node), with the resolved query on stdin.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import type { Client } from 'pg';
import { referencesOf } from '../../review/terraform/aws-part';
import type { Block, TerraformJson } from '../../synth/terraform-json';
import { emulatedCreate, type ProviderSession } from './postgresql-provider-emulation';
import { checkedInputs, type Attributes } from './postgresql-provider-inputs';
import { planChanges } from './postgresql-provider-read';

/** Every resource type the emulated apply knows, in the order a first deploy creates them. */
export const ACCESS_RESOURCE_TYPES = [
  'random_password',
  'random_bytes',
  'postgresql_role',
  'postgresql_schema',
  'postgresql_grant',
  'postgresql_default_privileges',
] as const;

/** Meta-arguments Terraform handles itself; the provider never sees them. */
const META_ARGUMENTS = ['depends_on', 'lifecycle', '//'];

/** What apply produced, by address (e.g. `random_password.x` → { result }). */
export type AppliedState = Map<string, Attributes>;

/**
 * The result of `data.external.<name>` (hashicorp/external: the query as JSON on stdin, a JSON object of strings on
 * stdout), read once and kept in `state` under its address with its resolved query.
 */
function readExternal(stack: TerraformJson, name: string, state: AppliedState): Attributes {
  const address = `data.external.${name}`;
  const known = state.get(address);
  if (known) return known;
  const block = stack.data?.external?.[name] as
    { program: string[]; query: Record<string, string> } | undefined;
  if (!block) throw new Error(`cannot resolve ${address}: not in the stack`);
  const query = resolve(block.query, state, stack) as Record<string, string>;
  const [command, ...args] = block.program;
  const run = spawnSync(command, args, { input: JSON.stringify(query), encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(`${address}: the program failed: ${run.stderr}`);
  const read = { query, result: JSON.parse(run.stdout) as Record<string, string> };
  state.set(address, read);
  return read;
}

function resolve(value: unknown, state: AppliedState, stack?: TerraformJson): unknown {
  if (typeof value === 'string') {
    const external = /^\$\{data\.external\.([\w-]+)\.result\.(\w+)\}$/.exec(value);
    if (external && stack) {
      const result = (readExternal(stack, external[1], state).result as Record<string, string>)[external[2]];
      if (result === undefined) throw new Error(`${value}: the program returned no ${external[2]}`);
      return result;
    }
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
  if (Array.isArray(value)) return value.map((v) => resolve(v, state, stack));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !META_ARGUMENTS.includes(k))
        .map(([k, v]) => [k, resolve(v, state, stack)]),
    );
  }
  return value;
}

/** random_password (internal/random/string.go CreateString): `min_numeric` digits first, the rest from the pool, shuffled. */
function generatePassword(a: Attributes): string {
  const digits = '0123456789';
  const pool = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz${digits}`;
  const pick = (from: string) => from[randomInt(from.length)];
  const minNumeric = Number(a.min_numeric);
  const chars = [
    ...Array.from({ length: minNumeric }, () => pick(digits)),
    ...Array.from({ length: Number(a.length) - minNumeric }, () => pick(pool)),
  ];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

/** What a block references among `known`, directly or through a `data.external` it reads (read during apply). */
function dependenciesOf(stack: TerraformJson, block: unknown, known: (address: string) => boolean): string[] {
  const external = (a: string) => a.startsWith('data.external.');
  const direct = referencesOf(block, (a) => known(a) || external(a));
  const throughData = direct
    .filter(external)
    .flatMap((a) => referencesOf(stack.data?.external?.[a.split('.')[2]], known));
  return [...new Set([...direct.filter((a) => !external(a)), ...throughData])].sort();
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
    for (const dependency of dependenciesOf(stack, blocks.get(address), (a) => blocks.has(a)))
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

/** The arguments of one resource of the stack as the provider receives them: references resolved, checked, defaulted. */
function inputsOf(stack: TerraformJson, address: string, state: AppliedState): Attributes {
  const [type, name] = address.split('.');
  return checkedInputs(type, resolve(stack.resource?.[type]?.[name], state, stack) as Attributes);
}

/** A session that reaches only the database `client` is connected to (the provider's database). */
function singleDatabaseSession(client: Client): ProviderSession {
  const database = String(client.database);
  return {
    database,
    client: async (wanted) => {
      if (wanted !== database) throw new Error(`this session reaches ${database} only, not ${wanted}`);
      return client;
    },
  };
}

/**
 * Applies every resource of `types` not applied yet; returns the addresses applied, in order.
 *
 * @param provider the provider's session, or a client of the provider's user on its database
 */
export async function emulatedApply(
  provider: ProviderSession | Client,
  stack: TerraformJson,
  types: readonly string[],
  state: AppliedState,
): Promise<string[]> {
  const session = 'query' in provider ? singleDatabaseSession(provider) : provider;
  const applied: string[] = [];
  for (const address of applyOrder(stack, types)) {
    if (state.has(address)) continue;
    const type = address.split('.')[0];
    try {
      const inputs = inputsOf(stack, address, state);
      if (type === 'random_password') {
        state.set(address, { ...inputs, result: generatePassword(inputs) });
      } else if (type === 'random_bytes') {
        state.set(address, { ...inputs, base64: randomBytes(Number(inputs.length)).toString('base64') });
      } else {
        await emulatedCreate[type](session, inputs);
        state.set(address, inputs);
      }
    } catch (error) {
      throw new Error(`emulated apply of ${address} failed: ${(error as Error).message}`);
    }
    applied.push(address);
  }
  return applied;
}

/**
 * The password a role was given: its postgresql_role holds the SCRAM verifier (constructs/scram-verifier.ts), the
 * data source that computed it holds the generated password it was computed from; a plaintext argument is its own.
 */
export function rolePassword(state: AppliedState, role: string): string | undefined {
  const verifier = state.get(`postgresql_role.database_access_role_${role}`)?.password;
  if (verifier === undefined) return undefined;
  const read = [...state]
    .filter(([address]) => address.startsWith('data.external.'))
    .find(([, r]) => (r.result as Record<string, string>).verifier === verifier)?.[1];
  if (read) return (read.query as Record<string, string>).password;
  // A password argument no data source computed is the password itself (a plaintext argument, the old form).
  return /^SCRAM-SHA-256\$/.test(String(verifier)) ? undefined : String(verifier);
}

/**
 * What the next plan would change, per applied postgresql_* resource (refresh, then compare with the
 * configuration): `address: attribute …` lines, none when the plan would be empty.
 */
export async function planChangesOf(session: ProviderSession, state: AppliedState): Promise<string[]> {
  const changes: string[] = [];
  for (const [address, inputs] of state) {
    const type = address.split('.')[0];
    if (type.startsWith('random_') || type === 'data') continue;
    for (const change of await planChanges(session, type, inputs)) changes.push(`${address}: ${change}`);
  }
  return changes;
}

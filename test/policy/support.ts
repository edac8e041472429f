/**
 * Compliance / non-compliance cases for policy rules, cdk-nag style: start from a synthesized environment, change
 * what the case is about, and check the rule's verdict on the address in question.
 */
import type { EnvironmentConfig } from '../../environments/config';
import { dev } from '../../environments/dev';
import { prod } from '../../environments/prod';
import { policyRules } from '../../policy';
import type { PolicyRule, RuleResult } from '../../policy/rule';
import type { Block, TerraformJson } from '../../synth/terraform-json';
import { synthBootstrap, synthEnvironment, type Writable } from '../support/synth';

export interface MutableEnvironment {
  config: Writable<EnvironmentConfig>;
  stack: TerraformJson;
}

export type Mutation = (env: MutableEnvironment) => void;

export interface RuleCase {
  /** Environment (or the bootstrap stack of its account) to start from. @default 'prod' */
  readonly base?: Base;
  /** Makes the base compliant when it is not (a waived rule). @default - the base as synthesized */
  readonly compliant?: Mutation;
  readonly nonCompliant: Mutation;
  /** The address the non-compliant case must fail on. @default - any */
  readonly address?: string;
  /** Further non-compliant variants by name (each on the compliant base), for rules with more than one way to fail. */
  readonly alsoNonCompliant?: Readonly<Record<string, Mutation>>;
  /** Further compliant variants by name (each on the compliant base): what those ways to fail must still accept. */
  readonly alsoCompliant?: Readonly<Record<string, Mutation>>;
}

const bases = {
  prod: () => ({ config: prod, stack: synthEnvironment(prod) }),
  dev: () => ({ config: dev, stack: synthEnvironment(dev) }),
  'bootstrap-prod': () => ({ config: prod, stack: synthBootstrap(prod) }),
  'bootstrap-dev': () => ({ config: dev, stack: synthBootstrap(dev) }),
};

export type Base = keyof typeof bases;

/** Each base is synthesized once, on first use: a test file pays only for the bases its cases start from. */
const synthesized = new Map<Base, { config: EnvironmentConfig; stack: TerraformJson }>();
function synthesizedBase(base: Base) {
  const env = synthesized.get(base) ?? bases[base]();
  synthesized.set(base, env);
  return env;
}

/** The one resource of a type, or the named one, of a stack being mutated. */
export function resource(stack: TerraformJson, type: string, name?: string): Block {
  const blocks = stack.resource?.[type] ?? {};
  const block = name ? blocks[name] : Object.values(blocks)[0];
  if (!block) throw new Error(`no ${type}${name ? `.${name}` : ''} in the stack`);
  return block;
}

/** A copy of a synthesized base with `mutation` applied. */
export function variant(base: Base, mutation?: Mutation): MutableEnvironment {
  const env = structuredClone(synthesizedBase(base)) as MutableEnvironment;
  mutation?.(env);
  return env;
}

/** Defines the Compliance and Noncompliance tests of each rule in `cases`. */
export function describeRules(cases: Readonly<Record<string, RuleCase>>): void {
  describe.each(Object.entries(cases))('%s', (id, c) => {
    const rule = policyRules.find((r) => r.id === id);

    test('is registered', () => expect(rule?.id).toBe(id));

    test('Compliance', () => expectCompliant(rule, c));

    for (const [name, mutation] of Object.entries(c.alsoCompliant ?? {})) {
      test(`Compliance: ${name}`, () => expectCompliant(rule, c, mutation));
    }

    test('Noncompliance', () => {
      const failures = failuresOf(rule, c, c.nonCompliant);
      expect(failures.length).toBeGreaterThan(0);
      if (c.address) expect(failures.map((f) => f.address)).toContain(c.address);
    });

    for (const [name, mutation] of Object.entries(c.alsoNonCompliant ?? {})) {
      test(`Noncompliance: ${name}`, () => expect(failuresOf(rule, c, mutation).length).toBeGreaterThan(0));
    }
  });
}

function expectCompliant(rule: PolicyRule | undefined, c: RuleCase, mutation?: Mutation): void {
  const results =
    rule?.check(variant(c.base ?? 'prod', (e) => (c.compliant?.(e), mutation?.(e))) as never) ?? [];
  expect(results.filter((r) => r.status === 'fail')).toEqual([]);
  expect(results.some((r) => r.status === 'pass')).toBe(true);
}

function failuresOf(rule: PolicyRule | undefined, c: RuleCase, mutation: Mutation): RuleResult[] {
  const env = variant(c.base ?? 'prod', (e) => (c.compliant?.(e), mutation(e)));
  return (rule?.check(env as never) ?? []).filter((r) => r.status === 'fail');
}

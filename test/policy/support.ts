/**
 * Compliance / non-compliance cases for policy rules, cdk-nag style: start from a synthesized environment, change
 * what the case is about, and check the rule's verdict on the address in question.
 */
import type { EnvironmentConfig } from '../../environments/config';
import { dev } from '../../environments/dev';
import { prod } from '../../environments/prod';
import { policyRules } from '../../policy';
import type { Block, TerraformJson } from '../../synth/terraform-json';
import { synthEnvironment, type Writable } from '../support/synth';

export interface MutableEnvironment {
  config: Writable<EnvironmentConfig>;
  stack: TerraformJson;
}

export type Mutation = (env: MutableEnvironment) => void;

export interface RuleCase {
  /** Environment to start from. @default 'prod' */
  readonly base?: 'prod' | 'dev';
  /** Makes the base compliant when it is not (a waived rule). @default - the base as synthesized */
  readonly compliant?: Mutation;
  readonly nonCompliant: Mutation;
  /** The address the non-compliant case must fail on. @default - any */
  readonly address?: string;
}

const bases = {
  prod: { config: prod, stack: synthEnvironment(prod) },
  dev: { config: dev, stack: synthEnvironment(dev) },
};

/** The one resource of a type, or the named one, of a stack being mutated. */
export function resource(stack: TerraformJson, type: string, name?: string): Block {
  const blocks = stack.resource?.[type] ?? {};
  const block = name ? blocks[name] : Object.values(blocks)[0];
  if (!block) throw new Error(`no ${type}${name ? `.${name}` : ''} in the stack`);
  return block;
}

/** A copy of a synthesized base environment with `mutation` applied. */
export function variant(mutation?: Mutation, base: 'prod' | 'dev' = 'prod'): MutableEnvironment {
  const env = structuredClone(bases[base]) as MutableEnvironment;
  mutation?.(env);
  return env;
}

/** Defines the Compliance and Noncompliance tests of each rule in `cases`. */
export function describeRules(cases: Readonly<Record<string, RuleCase>>): void {
  describe.each(Object.entries(cases))('%s', (id, c) => {
    const rule = policyRules.find((r) => r.id === id);

    test('is registered', () => expect(rule?.id).toBe(id));

    test('Compliance', () => {
      const results = rule?.check(variant(c.compliant, c.base ?? 'prod') as never) ?? [];
      expect(results.filter((r) => r.status === 'fail')).toEqual([]);
      expect(results.some((r) => r.status === 'pass')).toBe(true);
    });

    test('Noncompliance', () => {
      const results =
        rule?.check(variant((env) => (c.compliant?.(env), c.nonCompliant(env)), c.base ?? 'prod') as never) ??
        [];
      const failures = results.filter((r) => r.status === 'fail');
      expect(failures.length).toBeGreaterThan(0);
      if (c.address) expect(failures.map((f) => f.address)).toContain(c.address);
    });
  });
}

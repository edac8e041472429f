/**
 * Compliance / non-compliance cases for policy rules, cdk-nag style: start from a synthesized environment, change
 * what the case is about, and check the rule's verdict on the address in question.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentConfig } from '../../environments/config';
import { dev } from '../../environments/dev';
import { prod } from '../../environments/prod';
import { policyRules } from '../../policy';
import type { Block, TerraformJson } from '../../synth/terraform-json';
import { synthBootstrap, synthEnvironmentText } from '../support/synth';
import type { Writable } from '../support/with-change';

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
  /** More ways to break the rule, by name: one per condition it checks, so that each condition is proven. */
  readonly alsoNonCompliant?: Readonly<Record<string, Mutation>>;
  /** More variants the rule must accept, by name: the edges of what it allows. */
  readonly alsoCompliant?: Readonly<Record<string, Mutation>>;
}

const configs = { prod, dev, 'bootstrap-prod': prod, 'bootstrap-dev': dev };
export type Base = keyof typeof configs;
const stackTexts = new Map<Base, string>();

function synthesize(base: Base): string {
  return base.startsWith('bootstrap-')
    ? JSON.stringify(synthBootstrap(configs[base]))
    : synthEnvironmentText(configs[base]);
}

/**
 * The synthesized stack of a base (an environment, or the bootstrap stack of prod's account) as JSON text,
 * synthesized on first use in each test file (in each worker, in the mutation run). The mutation run (`npm run
 * test:mutation`) starts a fresh worker for each of ~300 mutants in code that runs when a module loads: it sets
 * LIGHTWAVE_SYNTH_CACHE to a fresh directory, where Stryker's dry run, which comes first and has no mutant active,
 * leaves the stacks for the workers to read instead of synthesizing again.
 */
function baseStackText(base: Base): string {
  const cacheDir = process.env.LIGHTWAVE_SYNTH_CACHE;
  const cached = cacheDir ? join(cacheDir, `${base}.json`) : undefined;
  if (!stackTexts.has(base)) {
    if (cached && existsSync(cached)) {
      stackTexts.set(base, readFileSync(cached, 'utf8'));
    } else {
      stackTexts.set(base, synthesize(base));
      if (cacheDir && cached) {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(cached, stackTexts.get(base) as string);
      }
    }
  }
  return stackTexts.get(base) as string;
}

/** The one resource of a type, or the named one, of a stack being mutated. */
export function resource(stack: TerraformJson, type: string, name?: string): Block {
  const blocks = stack.resource?.[type] ?? {};
  const block = name ? blocks[name] : Object.values(blocks)[0];
  if (!block) throw new Error(`no ${type}${name ? `.${name}` : ''} in the stack`);
  return block;
}

/**
 * A copy of a base environment (synthesized once, see baseStackText), changed by `mutation`. The stack is parsed
 * afresh from its text: under jest, twice as fast as structuredClone of a parsed stack (each case copies one).
 */
export function variant(base: Base, mutation?: Mutation): MutableEnvironment {
  const env = {
    config: structuredClone(configs[base]),
    stack: JSON.parse(baseStackText(base)) as TerraformJson,
  } as MutableEnvironment;
  mutation?.(env);
  return env;
}

/** Defines the Compliance and Noncompliance tests of each rule in `cases`. */
export function describeRules(cases: Readonly<Record<string, RuleCase>>): void {
  describe.each(Object.entries(cases))('%s', (id, c) => {
    const rule = policyRules.find((r) => r.id === id);
    const base = c.base ?? 'prod';
    const verdicts = (mutation: Mutation) =>
      rule?.check(variant(base, (env) => (c.compliant?.(env), mutation(env))) as never) ?? [];

    test('is registered', () => expect(rule?.id).toBe(id));

    const named = (title: string, name: string) => (name ? `${title}: ${name}` : title);

    for (const [name, mutation] of [
      ['', () => undefined] as const,
      ...Object.entries(c.alsoCompliant ?? {}),
    ]) {
      test(named('Compliance', name), () => {
        const results = verdicts(mutation);
        expect(results.filter((r) => r.status === 'fail')).toEqual([]);
        expect(results.some((r) => r.status === 'pass')).toBe(true);
      });
    }

    for (const [name, mutation] of [
      ['', c.nonCompliant] as const,
      ...Object.entries(c.alsoNonCompliant ?? {}),
    ]) {
      test(named('Noncompliance', name), () => {
        const failures = verdicts(mutation).filter((r) => r.status === 'fail');
        expect(failures.length).toBeGreaterThan(0);
        if (c.address && name === '') expect(failures.map((f) => f.address)).toContain(c.address);
      });
    }
  });
}

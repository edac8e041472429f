/**
 * The shape of a policy rule: a pure function over a synthesized environment that says, per resource it looks at,
 * pass / fail / not-applicable, with the address at fault. Rule ids are ours (LW-…); `mirrors` keeps the ids of the
 * scanner checks each one re-implements (Checkov, Trivy, cdk-nag, Security Hub; every one listed in
 * scanner-ids.ts) and `relation` says how the rule compares with each, so a team cross-checking with those scanners
 * knows which differences to expect.
 */
import type { EnvironmentConfig } from '../environments/config';
import { blocksOf, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import type { Block } from '../synth/terraform-json';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type Status = 'pass' | 'fail' | 'not-applicable';

export interface RuleResult {
  readonly status: Status;
  /** The resource (or provider, data source) judged; absent for a rule with nothing to judge. */
  readonly address?: string;
  /** Why it failed, when the title alone does not say. */
  readonly detail?: string;
}

/**
 * How a rule compares with one scanner check it mirrors, on the resources both look at:
 * - `same`: it fails exactly where the check fails (beyond that, only what its other mirrored ids cover);
 * - `stricter: <why>`: it also fails things the check passes; why says what;
 * - `narrower: <why>`: the check fails things the rule does not look at (tiers, resource types, fields); why says what.
 * Prefixed `manifest only, ` when the scanner runs the check on Kubernetes manifests only, so it never reports on the
 * synthesized Terraform JSON.
 */
export type Relation = 'same' | `stricter: ${string}` | `narrower: ${string}`;
export type MirrorRelation = Relation | `manifest only, ${Relation}`;

export interface PolicyRule {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Scanner check ids this rule mirrors, e.g. CKV_AWS_16, AVD-AWS-0080, AwsSolutions-RDS2, RDS.3; [] when none does. */
  readonly mirrors: readonly string[];
  /**
   * How the rule relates to its mirrored ids: one relation for all of them, or one per id (keys = `mirrors`).
   * `{}` when it mirrors none; the rationale then says "no scanner equivalent".
   */
  readonly relation: MirrorRelation | Readonly<Record<string, MirrorRelation>>;
  readonly rationale: string;
  /** Environments the rule applies to. @default - every tier */
  readonly tiers?: readonly EnvironmentConfig['tier'][];
  check(env: SynthesizedEnvironment): RuleResult[];
}

/** The relation of `rule` to one of its mirrored ids. */
export function relationTo(rule: PolicyRule, id: string): MirrorRelation | undefined {
  return typeof rule.relation === 'string' ? rule.relation : rule.relation[id];
}

/** What a per-resource test returns: true (pass), false (fail), a string (fail, with detail) or null (n/a). */
export type Verdict = boolean | string | null;

/** What a rule says about itself; the id stays outside so the registry can be searched without reading specs. */
export type RuleMetadata = Omit<PolicyRule, 'id' | 'check'>;

export interface ResourceRuleSpec extends RuleMetadata {
  /** Resource types the rule judges (`data.` prefix for data sources). */
  readonly types: readonly string[];
  readonly test: (block: Block, env: SynthesizedEnvironment, address: string) => Verdict;
}

export interface StackRuleSpec extends Omit<RuleMetadata, 'tiers'> {
  /** Resource types whose presence makes the rule applicable. */
  readonly when: readonly string[];
  /** One verdict for the whole environment, about `address` (the resource that should show compliance). */
  readonly test: (env: SynthesizedEnvironment) => { readonly verdict: Verdict; readonly address?: string };
}

/**
 * A rule whose spec is read when it is used, not when its module loads: importing the registry does no work, and
 * mutation testing attributes each line of a rule to the tests that exercise that rule (see stryker.config.mjs).
 */
function lazyRule<S extends RuleMetadata>(
  id: string,
  spec: () => S,
  check: (spec: S, env: SynthesizedEnvironment) => RuleResult[],
): PolicyRule {
  return {
    id,
    get title() {
      return spec().title;
    },
    get severity() {
      return spec().severity;
    },
    get mirrors() {
      return spec().mirrors;
    },
    get relation() {
      return spec().relation;
    },
    get rationale() {
      return spec().rationale;
    },
    get tiers() {
      return (spec() as RuleMetadata).tiers;
    },
    check: (env) => check(spec(), env),
  };
}

function result(verdict: Verdict, address?: string): RuleResult {
  if (verdict === null) return { status: 'not-applicable', address };
  if (typeof verdict === 'string') return { status: 'fail', address, detail: verdict };
  return { status: verdict ? 'pass' : 'fail', address };
}

/** A rule judging each resource of some types; not applicable when there are none or the tier is excluded. */
export function resourceRule(id: string, spec: () => ResourceRuleSpec): PolicyRule {
  return lazyRule(id, spec, ({ types, tiers, test }, env) => {
    const blocks = blocksOf(env.stack, types);
    if (blocks.length === 0 || (tiers && !tiers.includes(env.config.tier)))
      return [{ status: 'not-applicable' }];
    return blocks.map(([address, block]) => result(test(block, env, address), address));
  });
}

/** A rule about the environment as a whole (something must exist, or a property holds across resources). */
export function stackRule(id: string, spec: () => StackRuleSpec): PolicyRule {
  return lazyRule(id, spec, ({ when, test }, env) => {
    if (blocksOf(env.stack, when).length === 0) return [{ status: 'not-applicable' }];
    const { verdict, address } = test(env);
    return [result(verdict, address)];
  });
}

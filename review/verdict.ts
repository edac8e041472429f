/**
 * The verdict on one environment: counts per action, the dangerous items with their real outcome, timing and
 * downtime, rollout consequences, the cost before → after and the failing policy rules. Built from a real plan when
 * one is given (the configuration diff then only explains it), from the configuration diff otherwise.
 */
import { evaluatePolicy, unwaivedFailures, type Finding } from '../policy/evaluate';
import type { PlanJson } from '../synth/plan-json';
import { stackNameOf, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import type { TerraformJson } from '../synth/terraform-json';
import { estimateCost, type CostEstimate } from './cost';
import { bySeverity, type Note } from './note';
import { outcomeOf } from './outcomes';
import { isChange, type EnvironmentChanges, type PlannedChange } from './planned-change';
import { planFromConfig } from './planned-from-config';
import { planFromPlanJson } from './planned-from-plan';
import { rdsTimingNotes } from './rds-timing';
import { restoreNotes } from './restore';
import { rolloutNotes } from './rollout';

/** A real plan of an environment: `terraform show -json` of a plan against live state. */
export interface RealPlan {
  readonly file: string;
  readonly plan: PlanJson;
}

export const ACTIONS = ['create', 'update', 'replace', 'destroy', 'move'] as const;
export type Counts = Readonly<Record<(typeof ACTIONS)[number], number>>;

export interface FailingRule {
  readonly finding: Finding;
  /** The rule passes on the base (evaluated with this PR's config). */
  readonly isNew: boolean;
}

export interface EnvironmentVerdict {
  readonly env: SynthesizedEnvironment;
  /** `new`: no stack of this name in the base; `full`: no base given at all (an inventory, not a review). */
  readonly status: 'new' | 'unchanged' | 'changed' | 'full';
  readonly base?: TerraformJson;
  readonly changes: EnvironmentChanges;
  /** The configuration diff, when the verdict comes from a real plan. */
  readonly explanation?: readonly PlannedChange[];
  readonly counts: Counts;
  /**
   * What each destroy or replace really does (severity `info`: nothing beyond the replacement itself), and each
   * database restored from a backup (restore.ts).
   */
  readonly dangers: readonly Note[];
  readonly timing: readonly Note[];
  readonly rollout: readonly Note[];
  /** A replacement blocked by `prevent_destroy`: the plan fails as a whole. */
  readonly planFails: boolean;
  readonly cost: { readonly before?: CostEstimate; readonly after: CostEstimate };
  readonly findings: readonly Finding[];
  readonly failing: readonly FailingRule[];
  /** Real plan only: resources the plan changes and the configuration does not, and the reverse. */
  readonly mismatch?: { readonly planOnly: readonly string[]; readonly configOnly: readonly string[] };
}

function countActions(changes: readonly PlannedChange[]): Counts {
  const count = (action: string) => changes.filter((c) => c.action === action).length;
  return {
    create: count('create'),
    update: count('update'),
    replace: count('replace'),
    destroy: count('destroy'),
    move: changes.filter((c) => c.movedFrom).length,
  };
}

/** Policy evaluated on the base stack with this PR's config: which failures are new. */
function failingRules(
  env: SynthesizedEnvironment,
  findings: readonly Finding[],
  base?: TerraformJson,
): FailingRule[] {
  let before: Finding[] | undefined;
  try {
    // The same stack as the base (an unchanged environment): its failures are the base's, without a second evaluation.
    const same = base !== undefined && JSON.stringify(base) === JSON.stringify(env.stack);
    before = !base
      ? undefined
      : unwaivedFailures(same ? findings : evaluatePolicy({ config: env.config, stack: base }));
  } catch {
    before = undefined; // a base the rules cannot read: nothing is called new
  }
  return unwaivedFailures(findings).map((finding) => ({
    finding,
    isNew: !!before && !before.some((b) => b.rule.id === finding.rule.id && b.address === finding.address),
  }));
}

function baseCost(env: SynthesizedEnvironment, base?: TerraformJson): CostEstimate | undefined {
  try {
    return base ? estimateCost({ config: env.config, stack: base }) : undefined;
  } catch {
    return undefined;
  }
}

function changesOf(env: SynthesizedEnvironment, compared: boolean, base?: TerraformJson, plan?: RealPlan) {
  const fromConfig = compared ? planFromConfig(base ?? {}, env.stack) : [];
  if (!plan) return { changes: { source: { kind: 'config' as const }, changes: fromConfig } };
  const fromPlan = planFromPlanJson(plan.plan, { ...(base ? { base } : {}), head: env.stack });
  const [planned, configured] = [fromPlan, fromConfig].map(
    (list) => new Set(list.filter(isChange).map((c) => c.address)),
  );
  return {
    changes: {
      source: { kind: 'plan' as const, file: plan.file, terraformVersion: plan.plan.terraform_version },
      changes: fromPlan,
    },
    explanation: fromConfig,
    mismatch: {
      planOnly: [...planned].filter((a) => !configured.has(a)),
      configOnly: [...configured].filter((a) => !planned.has(a)),
    },
  };
}

/**
 * The verdict of `env` against `base` (`undefined` with `compared`: a new environment; without `compared`: no base
 * at all, an inventory).
 */
export function judgeEnvironment(
  env: SynthesizedEnvironment,
  options: { readonly compared: boolean; readonly base?: TerraformJson; readonly plan?: RealPlan },
): EnvironmentVerdict {
  const { base, plan } = options;
  const { changes, explanation, mismatch } = changesOf(env, options.compared, base, plan);
  const list = changes.changes;
  // A restore first: of two notes on the instance, the one saying where its data comes from reads first.
  const dangers = [
    ...restoreNotes(list),
    ...list.map((c) => outcomeOf(c, stackNameOf(env), list)).filter((n): n is Note => !!n),
  ];
  const findings = evaluatePolicy(env);
  const beforeCost = baseCost(env, base);
  const status = !options.compared ? 'full' : !base ? 'new' : list.some(isChange) ? 'changed' : 'unchanged';
  return {
    env,
    status,
    ...(base ? { base } : {}),
    changes,
    ...(explanation ? { explanation } : {}),
    counts: countActions(list),
    dangers: dangers.sort(bySeverity),
    timing: rdsTimingNotes(list, env.stack).sort(bySeverity),
    rollout: rolloutNotes(list, env.stack).sort(bySeverity),
    planFails: dangers.some((d) => d.severity === 'blocked'),
    cost: { ...(beforeCost ? { before: beforeCost } : {}), after: estimateCost(env) },
    findings,
    failing: failingRules(env, findings, base),
    ...(mismatch ? { mismatch } : {}),
  };
}

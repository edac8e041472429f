/**
 * Runs every policy rule over an environment and applies its waivers.
 */
import type { PolicyWaiver } from '../environments/parts/review';
import { policyRules } from './index';
import { type PolicyRule, type RuleResult } from './rule';
import { type SynthesizedEnvironment } from '../synth/synthesized-environment';

export interface Finding extends RuleResult {
  readonly rule: PolicyRule;
  /** A failure covered by a waiver reads `waived`. */
  readonly outcome: 'pass' | 'fail' | 'waived' | 'not-applicable';
  readonly waiver?: PolicyWaiver;
}

function waiverFor(
  waivers: readonly PolicyWaiver[],
  rule: PolicyRule,
  address?: string,
): PolicyWaiver | undefined {
  return waivers.find((w) => w.rule === rule.id && (w.address === undefined || w.address === address));
}

export function evaluatePolicy(
  env: SynthesizedEnvironment,
  rules: readonly PolicyRule[] = policyRules,
): Finding[] {
  return rules.flatMap((rule) =>
    rule.check(env).map((result): Finding => {
      const waiver =
        result.status === 'fail' ? waiverFor(env.config.policyWaivers, rule, result.address) : undefined;
      return { ...result, rule, outcome: waiver ? 'waived' : result.status, ...(waiver ? { waiver } : {}) };
    }),
  );
}

export const unwaivedFailures = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.outcome === 'fail');

/** Waivers that no failure needs any more (the rule passes now): candidates for removal. */
export function unusedWaivers(env: SynthesizedEnvironment, findings: readonly Finding[]): PolicyWaiver[] {
  return env.config.policyWaivers.filter((w) => !findings.some((f) => f.waiver === w));
}

export function formatFinding(f: Finding): string {
  return `${f.rule.id} [${f.rule.severity}] ${f.rule.title}${f.address ? ` — ${f.address}` : ''}${f.detail ? ` (${f.detail})` : ''}`;
}

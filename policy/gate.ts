/**
 * The policy gate of `npm test` and CI: every failing rule must be waived.
 */
import { evaluatePolicy, formatFinding, unwaivedFailures } from './evaluate';
import { stackNameOf, type SynthesizedEnvironment } from '../synth/synthesized-environment';

/** One line per unwaived failure, prefixed with the environment; empty when the gate passes. */
export function policyGate(envs: readonly SynthesizedEnvironment[]): string[] {
  return envs.flatMap((env) =>
    unwaivedFailures(evaluatePolicy(env)).map((f) => `[${stackNameOf(env)}] ${formatFinding(f)}`),
  );
}

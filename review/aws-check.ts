/**
 * The offline check of an environment's AWS part with the real hashicorp/aws provider (no credentials, no API call):
 * against a state simulated from the base when there is one (simulated-state.ts), so the provider itself says what
 * it would update or replace; against an empty state otherwise, which only proves the configuration valid.
 * Neither is this PR's plan against live state, and the report says so.
 */
import type { PlanJson } from '../synth/plan-json';
import { blocksByAddress, referencesIn } from '../synth/references';
import type { TerraformJson } from '../synth/terraform-json';
import { code } from './markdown';
import type { PlannedChange } from './planned-change';
import { planFromPlanJson } from './planned-from-plan';
import { awsPart } from './terraform/aws-part';
import { OfflinePlanSession } from './terraform/offline-plan';
import { simulateState, type SimulatedState } from './terraform/simulated-state';
import type { Toolchain } from './terraform/terraform-toolchain';

export type AwsCheck =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'planned'; readonly plan: PlanJson; readonly changes: readonly PlannedChange[] }
  | { readonly kind: 'plan-failed'; readonly error: string }
  | { readonly kind: 'empty-state'; readonly valid: boolean; readonly creates: number }
  | { readonly kind: 'skipped'; readonly reason: string };

/** The AWS part without what does not reach the provider (construct metadata, outputs). */
export function comparableAwsPart(stack: TerraformJson): TerraformJson {
  const part = awsPart(stack);
  delete part.output;
  return JSON.parse(
    JSON.stringify(part, (key, value) => (key === '//' ? undefined : value)),
  ) as TerraformJson;
}

/** The first line of terraform's error that says what went wrong. */
const firstError = (message: string): string =>
  message.match(/Error: (.+)/)?.[1]?.trim() ?? message.split('\n')[0];

/** Plans `headPart` in `session` from `state` (simulated from `basePart`): what the provider would do. */
export function checkAgainstState(
  session: OfflinePlanSession,
  state: SimulatedState,
  headPart: TerraformJson,
  basePart: TerraformJson,
): AwsCheck {
  session.configure(headPart);
  try {
    const plan = session.plan(state);
    return { kind: 'planned', plan, changes: planFromPlanJson(plan, { base: basePart, head: headPart }) };
  } catch (error) {
    return { kind: 'plan-failed', error: firstError((error as Error).message) };
  }
}

/** Plans the head's AWS part against a state simulated from the base's (or against nothing without a base). */
export function checkAwsPart(toolchain: Toolchain, head: TerraformJson, base?: TerraformJson): AwsCheck {
  const headPart = comparableAwsPart(head);
  const basePart = base ? comparableAwsPart(base) : undefined;
  if (basePart && JSON.stringify(basePart) === JSON.stringify(headPart)) return { kind: 'unchanged' };
  const session = new OfflinePlanSession(toolchain);
  try {
    if (basePart) return checkAgainstState(session, simulateState(session, basePart), headPart, basePart);
    session.configure(headPart);
    const valid = session.validate().valid;
    const creates = (session.plan().resource_changes ?? []).filter((c) =>
      c.change.actions.includes('create'),
    ).length;
    return { kind: 'empty-state', valid, creates };
  } catch (error) {
    return { kind: 'skipped', reason: `terraform failed: ${firstError((error as Error).message)}` };
  } finally {
    session.close();
  }
}

const actionsOf = (changes: readonly PlannedChange[]) =>
  new Map(
    changes
      .filter((c) => c.address.startsWith('aws_') && c.action !== 'none')
      .map((c) => [c.address, c.action]),
  );

/**
 * Why the provider plans a change this report does not: a resource reading a data source that depends on a resource
 * this change updates or replaces. Terraform reads such a data source only during the apply, so the plan holds its
 * result as unknown and the reader as an update, though the document it renders is the same (HashiCorp support, "The
 * combination of meta argument depends_on with Data Resources"; hashicorp/terraform#27267). Undefined when the
 * configuration shows no such path.
 */
export function deferredRead(
  address: string,
  ours: ReadonlyMap<string, string>,
  head: TerraformJson,
): string | undefined {
  const blocks = blocksByAddress(head);
  const targets = (a: string) => [
    ...new Set(referencesIn(blocks.get(a), (t) => blocks.has(t)).map((r) => r.target)),
  ];
  for (const data of targets(address).filter((t) => t.startsWith('data.'))) {
    const changed = targets(data).find((t) => ours.has(t));
    if (changed)
      return (
        `it reads ${code(data)}, which reads ${code(changed)} (${ours.get(changed)} in this change): Terraform reads ` +
        'such a data source only during the apply, so the provider plans its result as unknown and the reader as an ' +
        "update, though the configuration renders the same document — trust this report's count; the apply sends " +
        'the same value'
      );
  }
  return undefined;
}

const unexplained =
  "the configuration shows no reason: trust the provider's count and read the plan against live state";

/** The report's line on the check: what the provider says, and whether it agrees with the verdict. */
export function awsCheckLine(
  check: AwsCheck,
  verdictChanges: readonly PlannedChange[],
  planFails: boolean,
  head: TerraformJson = {},
): string {
  const provider = 'the real `hashicorp/aws` provider';
  switch (check.kind) {
    case 'unchanged':
      return '**AWS check:** the AWS part is identical to the base.';
    case 'skipped':
      return `**AWS check:** not run with ${provider}: ${check.reason}.`;
    case 'empty-state':
      return (
        `**AWS check:** the AWS part ${check.valid ? 'validates' : '**does not validate**'} and plans against an empty state with ` +
        `${provider}: ${check.creates} to create — a check of the configuration, not this PR's plan.`
      );
    case 'plan-failed':
      return (
        `**AWS check:** planned with ${provider} against a state simulated from the base (refresh off): the plan fails — ` +
        `${code(check.error)}${planFails ? ', as this verdict says' : ''}.`
      );
    case 'planned': {
      const [ours, theirs] = [actionsOf(verdictChanges), actionsOf(check.changes)];
      const differ = [...new Set([...ours.keys(), ...theirs.keys()])]
        .filter((a) => ours.get(a) !== theirs.get(a))
        .map(
          (a) =>
            `${code(a)}: provider ${theirs.get(a) ?? 'no change'}, this report ${ours.get(a) ?? 'no change'} — ` +
            ((!ours.has(a) && deferredRead(a, ours, head)) || unexplained),
        );
      const summary = [...theirs.values()].reduce<Record<string, number>>(
        (s, a) => ({ ...s, [a]: (s[a] ?? 0) + 1 }),
        {},
      );
      const counts = Object.entries(summary)
        .map(([a, n]) => `${n} ${a}`)
        .join(', ');
      return (
        `**AWS check:** planned with ${provider} against a state simulated from the base (refresh off, no live state): ` +
        (differ.length === 0 ? `agrees (${counts || 'no change'}).` : `**disagrees** — ${differ.join('; ')}.`)
      );
    }
  }
}

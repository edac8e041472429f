/**
 * `node dist/scripts/redact-plan.js <in.json> <out.json>`: a `terraform show -json` plan with every value Terraform
 * marks sensitive replaced, and the parts that repeat whole values (prior state, planned values, variables,
 * configuration) dropped. `terraform show -json` prints sensitive values in plain text, and a workflow artifact is
 * readable by anyone who can read the repository: only the redacted file leaves the runner.
 *
 * Shape followed: Terraform's JSON output format (internals/json-format), `resource_changes[].change.{before,after}`
 * with the `before_sensitive` / `after_sensitive` masks, and `output_changes`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export const REDACTED = '(sensitive)';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Replaces every part of `value` that `mask` marks `true` (a mask mirrors the value's shape). */
export function redact(value: Json, mask: Json | undefined): Json {
  if (mask === true) return value === null ? null : REDACTED;
  if (Array.isArray(value)) return value.map((v, i) => redact(v, Array.isArray(mask) ? mask[i] : undefined));
  if (value !== null && typeof value === 'object') {
    const inner = mask !== null && typeof mask === 'object' && !Array.isArray(mask) ? mask : {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, inner[k])]));
  }
  return value;
}

interface Change {
  before?: Json;
  after?: Json;
  before_sensitive?: Json;
  after_sensitive?: Json;
  [key: string]: Json | undefined;
}

function redactChange(change: Change): Change {
  return {
    ...change,
    before: redact(change.before ?? null, change.before_sensitive),
    after: redact(change.after ?? null, change.after_sensitive),
  };
}

export function redactPlan(plan: Record<string, unknown>): Record<string, unknown> {
  const resourceChanges = (plan.resource_changes as { change: Change }[] | undefined) ?? [];
  const outputChanges = (plan.output_changes as Record<string, Change> | undefined) ?? {};
  return {
    format_version: plan.format_version,
    terraform_version: plan.terraform_version,
    resource_changes: resourceChanges.map((rc) => ({ ...rc, change: redactChange(rc.change) })),
    ...(plan.resource_drift
      ? {
          resource_drift: (plan.resource_drift as { change: Change }[]).map((rc) => ({
            ...rc,
            change: redactChange(rc.change),
          })),
        }
      : {}),
    output_changes: Object.fromEntries(Object.entries(outputChanges).map(([k, c]) => [k, redactChange(c)])),
    ...(plan.errored !== undefined ? { errored: plan.errored } : {}),
  };
}

if (require.main === module) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: redact-plan <terraform show -json file> <output file>');
    process.exit(1);
  }
  const plan = JSON.parse(readFileSync(input, 'utf8')) as Record<string, unknown>;
  writeFileSync(output, `${JSON.stringify(redactPlan(plan), null, 2)}\n`);
}

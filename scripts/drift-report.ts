/**
 * `node dist/scripts/drift-report.js <out.md> <env>=<plan.json> …`: the body of the one drift issue, from the nightly
 * plans of every environment (redacted `terraform show -json`). Prints `drift=true|false` for $GITHUB_OUTPUT.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface PlannedChange {
  readonly address: string;
  readonly change: { readonly actions: readonly string[] };
}

/** Resources a plan would touch: anything but no-op and read. */
export function changesOf(plan: { resource_changes?: readonly PlannedChange[] }): string[] {
  return (plan.resource_changes ?? [])
    .filter((rc) => !rc.change.actions.every((a) => a === 'no-op' || a === 'read'))
    .map((rc) => `${rc.change.actions.join('+')} ${rc.address}`)
    .sort();
}

export function driftReport(plans: ReadonlyMap<string, { resource_changes?: readonly PlannedChange[] }>): {
  drift: boolean;
  body: string;
} {
  const sections = [...plans].map(([env, plan]) => {
    const changes = changesOf(plan);
    return { env, changes };
  });
  const drift = sections.some((s) => s.changes.length > 0);
  const lines = [
    'The nightly plan of the deploy branch differs from the live environments: someone changed them outside',
    'a deploy, or a merged change has not been deployed. Re-run the `drift` workflow to refresh this list;',
    'the issue closes itself when every plan is empty.',
    '',
    ...sections.flatMap(({ env, changes }) =>
      changes.length === 0
        ? [`### ${env}: no changes`, '']
        : [`### ${env}: ${changes.length} resource(s)`, '', '```', ...changes, '```', ''],
    ),
  ];
  return { drift, body: lines.join('\n') };
}

if (require.main === module) {
  const [out, ...pairs] = process.argv.slice(2);
  const plans = new Map(
    pairs.map((pair) => {
      const [env, file] = pair.split('=');
      return [env, JSON.parse(readFileSync(file, 'utf8'))] as const;
    }),
  );
  const { drift, body } = driftReport(plans);
  writeFileSync(out, body);
  console.log(`drift=${drift}`);
}

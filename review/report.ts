/**
 * The review report of a change, in Markdown for a PR comment: first the verdict per environment (counts, the
 * dangerous items with their real outcome, timing and downtime, rollout, cost before → after, failing rules, and
 * where the verdict comes from), then the sections (sections/index.ts), each folded or left out when the change does
 * not touch it. An unchanged PR gets a few lines.
 *
 * Every value from config or synthesized JSON is written through markdown.ts (`code`, `text`): nothing a value
 * holds can turn into emphasis, a link, a table cell or HTML.
 */
import { stackNameOf, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import { addresses, type TerraformJson } from '../synth/terraform-json';
import { awsCheckLine, type AwsCheck } from './aws-check';
import { blocks, bullet, code, details, paragraph, percentChange, quote, table, text, usd } from './markdown';
import { capacityLine } from './capacity';
import { severityIcon, type Note } from './note';
import { bootstrapSections, environmentSections, reportSections } from './sections';
import { ACTIONS, judgeEnvironment, type EnvironmentVerdict, type RealPlan } from './verdict';
import { noteKind, OUTCOME_KINDS, outcomeLabel, overBudget, worstOutcome } from './worst';

/** The first line of every report: how the workflow finds its comment to update it in place. */
export const REPORT_MARKER = '<!-- lightwave-infrastructure-review -->';

/** GitHub refuses comment bodies over 65,536 characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export type TestOutcome = 'success' | 'failure' | 'cancelled' | 'skipped';

export interface ReportInput {
  readonly environments: readonly SynthesizedEnvironment[];
  /** Stacks of the base tree by environment name. @default - no comparison: an inventory of what is declared */
  readonly base?: ReadonlyMap<string, TerraformJson>;
  /** Real plans (`terraform show -json`) by environment name: the verdict is built from them. */
  readonly plans?: ReadonlyMap<string, RealPlan>;
  /** Offline checks of the AWS part with the real provider, by environment name. */
  readonly awsChecks?: ReadonlyMap<string, AwsCheck>;
  /** Outcome of `npm test` in the run that produced the report. @default - not said */
  readonly tests?: TestOutcome;
  /** Link to the CI run (job summary and artifacts). */
  readonly runUrl?: string;
}

export function judge(input: ReportInput): EnvironmentVerdict[] {
  return input.environments.map((env) => {
    const base = input.base?.get(stackNameOf(env));
    const plan = input.plans?.get(stackNameOf(env));
    return judgeEnvironment(env, {
      compared: !!input.base,
      ...(base ? { base } : {}),
      ...(plan ? { plan } : {}),
    });
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summaryOf(v: EnvironmentVerdict): string {
  if (v.status === 'unchanged') return 'no infrastructure change';
  if (v.status === 'full') return plural(addresses(v.env.stack.resource).length, 'resource');
  const counts = ACTIONS.filter((a) => v.counts[a] > 0).map((a) => `${v.counts[a]} to ${a}`);
  const worst = worstOutcome(v);
  const what = counts.join(', ') || 'configuration only';
  return worst ? `${worst.kind.icon} ${outcomeLabel(worst.kind, worst.lasts)} — ${what}` : what;
}

function title(verdicts: readonly EnvironmentVerdict[]): string {
  if (verdicts.every((v) => v.status === 'full'))
    return '# Infrastructure inventory (no base to compare with)';
  if (verdicts.every((v) => v.status === 'unchanged'))
    return '# Infrastructure review: no infrastructure change';
  const changed = verdicts
    .filter((v) => v.status !== 'unchanged')
    .map((v) => `${stackNameOf(v.env)}: ${summaryOf(v)}`);
  return `# Infrastructure review — ${changed.join(' · ')}`;
}

function testsLine(tests?: TestOutcome, runUrl?: string): string | undefined {
  const run = runUrl ? ` ([run](${runUrl}))` : '';
  switch (tests) {
    case 'failure':
      return quote(
        `❌ **\`npm test\` failed on this commit**${run}: the checks below describe the configuration as ` +
          'synthesized, but it must not merge until the tests pass.',
      );
    case 'cancelled':
      return quote(`⚠️ \`npm test\` was cancelled${run}: nothing is proven by tests yet.`);
    case 'skipped':
      return quote(`⚠️ \`npm test\` did not run${run}.`);
    case 'success':
      return `✅ \`npm test\` passed${run}.`;
    default:
      return undefined;
  }
}

/** `🟠 **outage, permanent** `address`: …`: the outcome's label as the heading would name it. */
function noteLine(n: Note): string {
  const kind = noteKind(n.severity);
  const label = kind ? ` **${outcomeLabel(kind, n.lasts)}**` : '';
  return bullet(`${severityIcon[n.severity]}${label} ${code(n.address)}: ${n.text}`);
}

function costLine(v: EnvironmentVerdict): string {
  const { before, after } = v.cost;
  const waiver = v.findings.find((f) => f.rule.id === 'LW-COST-001' && f.waiver)?.waiver;
  const overBudgetKind = OUTCOME_KINDS.find((k) => k.kind === 'over-budget')!;
  const over = overBudget(v)
    ? `${overBudgetKind.icon} **${overBudgetKind.label}**`
    : `➖ over budget, waived until ${code(waiver?.expires ?? '?')}`;
  const budget = `budget ${usd(after.databaseBudgetUsd)} ${after.withinBudget ? '✅' : over}`;
  const copy =
    before && before.mediaCopy.usd !== after.mediaCopy.usd
      ? `; media copy in AWS ${usd(before.mediaCopy.usd)} → ${usd(after.mediaCopy.usd)}/month (outside the budget)`
      : '';
  if (!before || before.databaseUsd === after.databaseUsd)
    return `**Cost:** database ${usd(after.databaseUsd)}/month${before ? ' (unchanged)' : ''}, ${budget}${copy}`;
  const delta = after.databaseUsd - before.databaseUsd;
  return (
    `**Cost:** database ${usd(before.databaseUsd)} → ${usd(after.databaseUsd)}/month ` +
    `(${delta >= 0 ? '+' : ''}${usd(delta)}, ${percentChange(before.databaseUsd, after.databaseUsd)}), ${budget}${copy}`
  );
}

function policyLine(v: EnvironmentVerdict): string {
  if (v.failing.length === 0) return '**Policy:** every applicable rule passes or is waived.';
  const rules = v.failing.map(
    ({ finding, isNew }) =>
      `${code(finding.rule.id)} ${text(finding.rule.title)}${finding.detail ? ` (${text(finding.detail)})` : ''}${isNew ? ' — new' : ''}`,
  );
  return (
    `**Policy:** ❌ **policy failure** — \`npm test\` fails until fixed or waived; ${v.failing.length} failing: ` +
    rules.join('; ')
  );
}

function sourceLines(v: EnvironmentVerdict, check?: AwsCheck): string[] {
  const source = v.changes.source;
  const lines =
    source.kind === 'plan'
      ? [
          `**Source:** the real plan ${code(source.file)} (terraform ${code(source.terraformVersion)}); the ` +
            'configuration diff explains it.',
          ...(v.mismatch?.planOnly.length
            ? [
                `The plan changes what the configuration does not (drift or provider defaults): ${v.mismatch.planOnly.map((a) => code(a)).join(', ')}.`,
              ]
            : []),
          ...(v.mismatch?.configOnly.length
            ? [
                `The configuration changes what the plan does not (already applied?): ${v.mismatch.configOnly.map((a) => code(a)).join(', ')}.`,
              ]
            : []),
        ]
      : [
          "**Source:** the configuration diff against the base and each provider's replace-forcing attributes — " +
            'not a plan against live state.',
        ];
  return [...lines, ...(check ? [awsCheckLine(check, v.changes.changes, v.planFails, v.env.stack)] : [])];
}

/** The dangerous items one per line; plain replacements and deletions together on one line. */
function dangerLines(v: EnvironmentVerdict): string {
  const plain = v.dangers.filter((d) => d.severity === 'info');
  const actionOf = (address: string) => v.changes.changes.find((c) => c.address === address)?.action;
  const also = (action: string) =>
    plain.filter((d) => actionOf(d.address) === action).map((d) => code(d.address));
  const lines = [
    ...v.dangers.filter((d) => d.severity !== 'info').map(noteLine),
    ...(['replace', 'destroy'] as const)
      .filter((action) => also(action).length > 0)
      .map((action) =>
        bullet(
          action === 'replace'
            ? `${severityIcon.info} **replacement** (deleted, then created): ${also(action).join(', ')}`
            : `${severityIcon.info} also deleted: ${also(action).join(', ')}`,
        ),
      ),
  ];
  return lines.join('\n');
}

function verdictBlock(v: EnvironmentVerdict, check?: AwsCheck): string {
  const heading = `## ${code(stackNameOf(v.env))} — ${summaryOf(v)}`;
  if (v.status === 'unchanged') return heading;
  const countsTable = table([...ACTIONS], [ACTIONS.map((a) => String(v.counts[a]))]);
  return blocks(
    heading,
    v.status === 'full' ? undefined : countsTable,
    dangerLines(v),
    v.timing.length > 0 && ['**When and downtime**', v.timing.map(noteLine).join('\n')].join('\n'),
    v.rollout.length > 0 && ['**Rollout**', v.rollout.map(noteLine).join('\n')].join('\n'),
    // A bootstrap stack has no database: the budget line would be about another stack.
    ...[
      v.env.stackName ? undefined : capacityLine(v.env, v.base),
      v.env.stackName ? undefined : costLine(v),
      policyLine(v),
      ...sourceLines(v, check),
    ]
      .filter((line): line is string => line !== undefined)
      .map(paragraph),
  );
}

function sectionsOf(v: EnvironmentVerdict): string[] {
  return (v.env.stackName ? bootstrapSections : environmentSections)
    .map((s) => s.render(v))
    .filter((s) => s !== undefined)
    .map((s) => details(s.summary, s.body));
}

/** Stacks of the base that this change no longer synthesizes: nothing deploys them, nothing destroys them. */
function removedStacks(input: ReportInput): string | undefined {
  const names = [...(input.base?.keys() ?? [])].filter(
    (n) => !input.environments.some((e) => stackNameOf(e) === n),
  );
  if (names.length === 0) return undefined;
  return names
    .map((n) =>
      bullet(
        `⚠️ stack ${code(n)} is no longer synthesized: \`cdktf deploy\` will not touch it, and its resources stay until ` +
          `someone runs \`cdktf destroy ${n}\` from the base branch`,
      ),
    )
    .join('\n');
}

export function renderReport(
  input: ReportInput,
  verdicts: readonly EnvironmentVerdict[] = judge(input),
): string {
  const perEnvironment = verdicts.map((v) =>
    blocks(verdictBlock(v, input.awsChecks?.get(stackNameOf(v.env))), ...sectionsOf(v)),
  );
  const environmentVerdicts = verdicts.filter((v) => !v.env.stackName);
  const shared = reportSections
    .map((s) => s.render(environmentVerdicts))
    .filter((s) => s !== undefined)
    .map((s) => details(s.summary, s.body));
  return `${blocks(REPORT_MARKER, title(verdicts), testsLine(input.tests, input.runUrl), removedStacks(input), ...perEnvironment, shared.length > 0 ? ['---', ...shared].join('\n\n') : undefined)}\n`;
}

/**
 * The report as a PR comment: the full report when it fits GitHub's limit; otherwise the verdicts alone, pointing
 * to the full report in the job summary and the run's artifact.
 */
export function renderComment(input: ReportInput, limit = GITHUB_COMMENT_LIMIT): string {
  const verdicts = judge(input);
  const full = renderReport(input, verdicts);
  if (full.length <= limit) return full;
  const where = input.runUrl ? `[this run](${input.runUrl})` : 'this run';
  const pointer = quote(
    `The full report (${full.length.toLocaleString('en-US')} characters) is over GitHub's comment limit: read it in the job summary or the \`review-report\` artifact of ${where}.`,
  );
  const short = `${blocks(REPORT_MARKER, title(verdicts), testsLine(input.tests, input.runUrl), pointer, ...verdicts.map((v) => verdictBlock(v, input.awsChecks?.get(stackNameOf(v.env)))))}\n`;
  if (short.length <= limit) return short;
  const cut = '\n\n… (cut to fit the comment limit)\n';
  return short.slice(0, limit - cut.length) + cut;
}

/**
 * The review report of a change, in Markdown: per environment the resources by layer, the key settings, policy
 * results and waivers, the cost against the budget, a diagram and the offline plan; across environments the dev ↔
 * prod differences; against a base tree, what changed and whether any data store would be destroyed or replaced.
 */
import { evaluatePolicy, formatFinding, unusedWaivers, type Finding } from '../policy/evaluate';
import { type SynthesizedEnvironment } from '../synth/synthesized-environment';
import { estimateCost } from './cost';
import { dataProtectionLines } from './data-protection';
import { diagram } from './diagram';
import { diffStacks, type ResourceChange } from './diff';
import { keySettings } from './key-settings';
import { layerNames, layerOf } from './layers';
import { PRICE_SOURCES, PRICES_AS_OF } from './prices';
import { restoreWarning } from './restore';
import { addresses, type TerraformJson } from '../synth/terraform-json';

/** Outcome of the offline plan of an environment's AWS part, or why it did not run. */
export type PlanSummary =
  | { readonly counts: Readonly<Record<string, number>>; readonly valid: boolean }
  | { readonly skipped: string };

export interface ReportInput {
  readonly environments: readonly SynthesizedEnvironment[];
  /** Stacks of the base tree by environment name, to report what changed. @default - no comparison */
  readonly base?: ReadonlyMap<string, TerraformJson>;
  /** Offline plan results by environment name. @default - no plan section */
  readonly plans?: ReadonlyMap<string, PlanSummary>;
}

const cell = (value: unknown): string =>
  (typeof value === 'string' ? value : (JSON.stringify(value) ?? '—'))
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
const usd = (n: number) => `$${n.toFixed(2)}`;
const table = (header: readonly string[], rows: readonly (readonly unknown[])[]): string =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');

/** `aws_kms_key ×1, aws_db_instance ×1` for a list of addresses. */
function typeCounts(list: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const a of list) {
    const type = a.split('.').slice(0, -1).join('.');
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].map(([type, n]) => `${type} ×${n}`).join(', ');
}

/** The budget verdict, naming the waiver when one covers an overrun. */
function budgetVerdict(withinBudget: boolean, findings: readonly Finding[]): string {
  if (withinBudget) return '✅';
  const waiver = findings.find((f) => f.rule.id === 'LW-COST-001' && f.waiver)?.waiver;
  return waiver ? `❌ over budget, waived until ${waiver.expires}` : '❌ over budget';
}

function count(findings: readonly Finding[], outcome: Finding['outcome']): number {
  return findings.filter((f) => f.outcome === outcome).length;
}

function changeLines(changes: readonly ResourceChange[], head: TerraformJson): string {
  if (changes.length === 0) return 'No resource changes.';
  const restores = changes.flatMap((c) => {
    const [type, name] = c.address.split('.');
    const block = head.resource?.[type]?.[name];
    return c.restore && block ? (restoreWarning(c.address, block, c.restore.replaces) ?? []) : [];
  });
  const losses = changes.filter((c) => c.dataLoss);
  const warnings = losses.map(
    (c) =>
      `- ⚠️ **DATA STORE ${c.dataLoss?.effect.toUpperCase()}**: \`${c.address}\` holds ${c.dataLoss?.holds}` +
      (c.dataLoss?.because ? ` (changed: ${c.dataLoss.because.join(', ')})` : ''),
  );
  const rows = changes.map((c) => [
    `\`${c.address}\``,
    c.kind === 'moved' ? `moved from \`${c.from}\`` : c.kind,
    c.attributes
      .map((a) => `${a.name}: ${JSON.stringify(a.before) ?? '—'} → ${JSON.stringify(a.after) ?? '—'}`)
      .join('; '),
  ]);
  return [
    ...restores,
    losses.length > 0 ? warnings.join('\n') : '- No data store is destroyed or replaced.',
    '',
    table(['resource', 'change', 'attributes'], rows),
  ].join('\n');
}

function environmentSection(env: SynthesizedEnvironment, plan?: PlanSummary): string {
  const findings = evaluatePolicy(env);
  const cost = estimateCost(env);
  const all = [...addresses(env.stack.resource), ...addresses(env.stack.data).map((a) => `data.${a}`)];
  const byLayer = layerNames
    .map((layer) => [layer, all.filter((a) => layerOf(a) === layer)] as const)
    .filter(([, list]) => list.length > 0)
    .map(([layer, list]) => [layer, list.length, typeCounts(list)]);
  const attention = findings.filter((f) => f.outcome === 'fail' || f.outcome === 'waived');
  const unused = unusedWaivers(env, findings);
  const lines = [
    `## Environment \`${env.config.name}\` (${env.config.tier})`,
    '',
    '```mermaid',
    diagram(env),
    '```',
    '',
    '### Resources by layer',
    '',
    table(['layer', 'count', 'resources'], byLayer),
    '',
    '### Key settings',
    '',
    table(['setting', 'value'], keySettings(env)),
    '',
    `### Policy: ${count(findings, 'pass')} pass, ${count(findings, 'fail')} fail, ${count(findings, 'waived')} waived, ${count(findings, 'not-applicable')} not applicable`,
    '',
    attention.length === 0
      ? 'Every applicable rule passes.'
      : table(
          ['outcome', 'finding', 'waiver'],
          attention.map((f) => [
            f.outcome.toUpperCase(),
            formatFinding(f),
            f.waiver ? `until ${f.waiver.expires}: ${f.waiver.reason}` : '—',
          ]),
        ),
    ...(unused.length > 0
      ? ['', ...unused.map((w) => `- Unused waiver of ${w.rule}: the rule passes now; remove it.`)]
      : []),
    '',
    `### Cost: database ${usd(cost.databaseUsd)}/month against a budget of ${usd(cost.databaseBudgetUsd)} ${budgetVerdict(cost.withinBudget, findings)}; media ${usd(cost.mediaUsd)}/month`,
    '',
    table(
      ['group', 'item', 'basis', 'USD/month'],
      cost.lines.map((l) => [l.group, l.item, l.basis, usd(l.usd)]),
    ),
    '',
    ...cost.notes.map((n) => `- ${n}`),
    '',
    ...dataProtectionLines(env),
  ];
  if (plan) {
    lines.push('', '### Offline plan of the AWS part (real hashicorp/aws provider, fake credentials)', '');
    lines.push(
      'skipped' in plan
        ? `Skipped: ${plan.skipped}`
        : `terraform validate: ${plan.valid ? 'valid' : 'INVALID'}; plan: ${Object.entries(plan.counts)
            .map(([action, n]) => `${n} to ${action}`)
            .join(', ')}`,
    );
  }
  return lines.join('\n');
}

function differences(envs: readonly SynthesizedEnvironment[]): string {
  const settings = envs.map((e) => new Map(keySettings(e)));
  const rows = [...settings[0].keys()].map((name) => [name, ...settings.map((s) => s.get(name) ?? '—')]);
  const differing = rows.filter((r) => new Set(r.slice(1)).size > 1);
  return table(['setting', ...envs.map((e) => e.config.name)], differing);
}

export function renderReport(input: ReportInput): string {
  const { environments, base, plans } = input;
  const summaryRows = environments.map((env) => {
    const findings = evaluatePolicy(env);
    const cost = estimateCost(env);
    const baseStack = base?.get(env.config.name);
    const changes = baseStack ? diffStacks(baseStack, env.stack) : undefined;
    return [
      env.config.name,
      addresses(env.stack.resource).length,
      changes
        ? `${changes.length} changed${changes.some((c) => c.restore) ? ' 🔴 restores data' : ''}${changes.some((c) => c.dataLoss) ? ' ⚠️ data store at risk' : ''}`
        : '—',
      `${count(findings, 'fail')} fail, ${count(findings, 'waived')} waived`,
      `${usd(cost.databaseUsd)} / ${usd(cost.databaseBudgetUsd)} ${budgetVerdict(cost.withinBudget, findings)}`,
      usd(cost.mediaUsd),
    ];
  });
  const sections = [
    '# Infrastructure review',
    '',
    table(
      [
        'environment',
        'resources',
        'changes vs base',
        'policy',
        'database cost / budget (USD/month)',
        'media (USD/month)',
      ],
      summaryRows,
    ),
    '',
    `Prices: AWS us-east-1 on-demand and Cloudflare R2 list prices as of ${PRICES_AS_OF} (${Object.values(PRICE_SOURCES).join(', ')}).`,
  ];
  if (base) {
    sections.push('', '## Changes against the base');
    for (const env of environments) {
      const baseStack = base.get(env.config.name);
      sections.push(
        '',
        `### ${env.config.name}`,
        '',
        baseStack
          ? changeLines(diffStacks(baseStack, env.stack), env.stack)
          : 'New environment: everything is added.',
      );
    }
  }
  if (environments.length > 1)
    sections.push('', '## Differences between environments', '', differences(environments));
  for (const env of environments) sections.push('', environmentSection(env, plans?.get(env.config.name)));
  return `${sections.join('\n')}\n`;
}

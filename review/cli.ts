/**
 * `npm run review -- [--base <synthesized tree>] [--out <file>] [--no-plan]`
 *
 * Synthesizes the registered environments, evaluates policy and cost, plans the AWS part offline when terraform and
 * the provider mirror are here, compares with a base tree (e.g. `cdktf.out` of the base branch) when given, and writes
 * one Markdown report (default review-report/review.md).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { environments } from '../environments';
import { type SynthesizedEnvironment } from '../synth/synthesized-environment';
import { renderReport, type PlanSummary } from './report';
import { readStacks, synthesizeTree } from '../synth/synthesized-tree';
import { awsPart } from './terraform/aws-part';
import { planOffline } from './terraform/offline-plan';
import { findToolchain } from './terraform/terraform-toolchain';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function plan(env: SynthesizedEnvironment): PlanSummary {
  const version = String(env.stack.terraform?.required_providers?.aws?.version ?? '');
  const lookup = findToolchain(version);
  if ('missing' in lookup) return { skipped: lookup.missing };
  try {
    const result = planOffline(lookup.found, awsPart(env.stack));
    const counts: Record<string, number> = {};
    for (const change of result.plan.resource_changes ?? []) {
      const action = change.change.actions.join('+');
      counts[action] = (counts[action] ?? 0) + 1;
    }
    return { counts, valid: result.validate?.valid === true };
  } catch (error) {
    return { skipped: `terraform failed: ${(error as Error).message.split('\n')[0]}` };
  }
}

const out = option('--out') ?? 'review-report/review.md';
const baseDir = option('--base');
const workdir = mkdtempSync(join(tmpdir(), 'lightwave-review-'));
try {
  const synthesized = synthesizeTree(environments, workdir);
  const plans = process.argv.includes('--no-plan')
    ? undefined
    : new Map(synthesized.map((env) => [env.config.name, plan(env)]));
  const report = renderReport({
    environments: synthesized,
    ...(baseDir ? { base: readStacks(baseDir) } : {}),
    ...(plans ? { plans } : {}),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, report);
  console.log(`review report written to ${out}${baseDir ? ` (compared with ${baseDir})` : ''}`);
} finally {
  rmSync(workdir, { recursive: true, force: true });
}

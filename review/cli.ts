/**
 * `npm run review -- [--base <synthesized tree>] [--plan <env>=<plan.json>]… [--out <file>] [--comment-out <file>]
 *                    [--tests success|failure|cancelled|skipped] [--run-url <url>] [--no-plan]`
 *
 * Synthesizes the registered environments and writes the review report (default review-report/review.md):
 * compared with a base tree (e.g. `cdktf.out` of the base branch) when given; built from real plans
 * (`terraform show -json` output, per environment) when given; with the AWS part checked offline by the real
 * provider when terraform and its mirror are here (`--no-plan` skips that). `--comment-out` writes the version that
 * fits a PR comment. When synthesis fails (invalid config) the report says so, with the errors: it is always written.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { environments } from '../environments';
import { parsePlanJson } from '../synth/plan-json';
import { readStacks, synthesizeReviewedStacks } from '../synth/synthesized-tree';
import { stackNameOf, type SynthesizedEnvironment } from '../synth/synthesized-environment';
import type { TerraformJson } from '../synth/terraform-json';
import { checkAwsPart, type AwsCheck } from './aws-check';
import { code } from './markdown';
import { REPORT_MARKER, renderComment, renderReport, type ReportInput, type TestOutcome } from './report';
import { findToolchain } from './terraform/terraform-toolchain';
import type { RealPlan } from './verdict';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function options(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === name && process.argv[i + 1] ? [process.argv[i + 1]] : []));
}

function realPlans(): Map<string, RealPlan> {
  return new Map(
    options('--plan').map((spec) => {
      const [env, file] = [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)];
      if (!env || !file) throw new Error(`--plan ${spec}: expected <environment>=<file>`);
      return [env, { file, plan: parsePlanJson(readFileSync(file, 'utf8'), file) }];
    }),
  );
}

function awsChecks(envs: readonly SynthesizedEnvironment[], base?: ReadonlyMap<string, TerraformJson>) {
  if (process.argv.includes('--no-plan')) return undefined;
  return new Map(
    envs.map((env): [string, AwsCheck] => {
      const version = String(env.stack.terraform?.required_providers?.aws?.version ?? '');
      const lookup = findToolchain(version);
      if ('missing' in lookup) return [stackNameOf(env), { kind: 'skipped', reason: lookup.missing }];
      return [stackNameOf(env), checkAwsPart(lookup.found, env.stack, base?.get(stackNameOf(env)))];
    }),
  );
}

/** The report when the review has nothing to compare: what stopped it, verbatim in a code block. */
function failedReport(what: string, error: Error, tests?: TestOutcome): string {
  const message = error.message;
  const fence = '`'.repeat(Math.max(3, ...[...message.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return [
    REPORT_MARKER,
    `# Infrastructure review — ⛔ ${what}`,
    ...(tests === 'failure' ? ['', '> ❌ `npm test` failed on this commit.'] : []),
    '',
    `Nothing could be compared: the review stopped with ${code(error.name)}.`,
    '',
    fence,
    message,
    fence,
    '',
  ].join('\n');
}

function write(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

const out = option('--out') ?? 'review-report/review.md';
const commentOut = option('--comment-out');
const baseDir = option('--base');
const tests = option('--tests') as TestOutcome | undefined;
const runUrl = option('--run-url');
const workdir = mkdtempSync(join(tmpdir(), 'lightwave-review-'));
try {
  let report: string;
  let comment: string;
  let step = 'the review could not read its inputs';
  try {
    const plans = realPlans();
    const base = baseDir ? readStacks(baseDir) : undefined;
    step = 'the configuration does not synthesize';
    // Required here, not imported: the app (cdktf, every stack and binding) loads only to synthesize, so a run
    // stopped by its inputs reports at once, and a module failing to load is reported like a failing synthesis.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { synthesizeApp } = require('../synth/app-writer') as typeof import('../synth/app-writer');
    const synthesized = synthesizeReviewedStacks(environments, workdir, synthesizeApp);
    step = 'the report could not be produced';
    const checks = awsChecks(synthesized, base);
    const input: ReportInput = {
      environments: synthesized,
      ...(base ? { base } : {}),
      ...(plans.size > 0 ? { plans } : {}),
      ...(checks ? { awsChecks: checks } : {}),
      ...(tests ? { tests } : {}),
      ...(runUrl ? { runUrl } : {}),
    };
    report = renderReport(input);
    comment = renderComment(input);
  } catch (error) {
    report = comment = failedReport(step, error as Error, tests);
    process.exitCode = 1;
  }
  write(out, report);
  if (commentOut) write(commentOut, comment);
  console.log(`review report written to ${out}${baseDir ? ` (compared with ${baseDir})` : ''}`);
} finally {
  rmSync(workdir, { recursive: true, force: true });
}

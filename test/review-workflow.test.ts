/**
 * The pull-request workflow posts the review report on red and green runs, in one comment updated in place.
 * The workflow is read as YAML; the posting script runs against an emulated `gh` CLI (it answers `gh api` the way
 * the GitHub CLI manual describes: `--paginate` lists, `--jq` filters with jq, `-F body=@file` reads the body from a
 * file) that records what it was asked.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPORT_MARKER } from '../review/report';

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly env?: Record<string, string>;
  readonly 'continue-on-error'?: boolean;
}

const workflow = parse(readFileSync('.github/workflows/pull-request.yml', 'utf8')) as {
  jobs: { review: { steps: Step[] } };
};
const steps = workflow.jobs.review.steps;
const index = (predicate: (s: Step) => boolean) => steps.findIndex(predicate);

describe('the pull-request workflow', () => {
  const test_ = index((s) => s.id === 'test');
  const report = index((s) => !!s.run?.includes('npm run review'));
  const post = index((s) => !!s.run?.includes('scripts/post-review-comment.sh'));
  const fail = index((s) => !!s.if?.includes("steps.test.outcome != 'success'"));

  test('runs the tests without stopping the job, then reports, posts, and only then fails', () => {
    expect(steps[test_]).toEqual(expect.objectContaining({ run: 'npm test', 'continue-on-error': true }));
    expect(test_).toBeLessThan(report);
    expect(report).toBeLessThan(post);
    expect(post).toBeLessThan(fail);
    expect(steps[fail].run).toContain('exit 1');
  });

  test('the report and the comment do not depend on the tests passing, and the report says how they went', () => {
    for (const step of [steps[report], steps[post]]) expect(step.if).toMatch(/^\$\{\{ !cancelled\(\)/);
    expect(steps[report].env?.TESTS).toBe('${{ steps.test.outcome }}');
    expect(steps[report].run).toContain('--tests "$TESTS"');
    expect(steps[report].run).toContain('--comment-out review-report/comment.md');
    expect(steps[report].run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(steps[post].run).toContain('review-report/comment.md');
  });

  test('the full report is kept as an artifact on every run', () => {
    const artifact = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(artifact?.if).toBe('always()');
  });
});

describe('posting the comment (emulated gh CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lightwave-post-comment-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fakeGh = join(dir, 'gh');
  writeFileSync(
    fakeGh,
    [
      '#!/usr/bin/env bash',
      'echo "$*" >> "$FAKE_GH_LOG"',
      'if [ "$2" = "--paginate" ]; then jq -r "$5" "$FAKE_GH_COMMENTS"; exit 0; fi',
      'for arg in "$@"; do case "$arg" in body=@*) cp "${arg#body=@}" "$FAKE_GH_BODY";; esac; done',
      '',
    ].join('\n'),
  );
  chmodSync(fakeGh, 0o755);

  function post(comments: object[], body = `${REPORT_MARKER}\n# Infrastructure review\n`) {
    const files = {
      log: join(dir, 'log'),
      comments: join(dir, 'comments.json'),
      body: join(dir, 'posted.md'),
    };
    rmSync(files.log, { force: true });
    rmSync(files.body, { force: true });
    writeFileSync(files.comments, JSON.stringify(comments));
    writeFileSync(join(dir, 'report.md'), body);
    const run = spawnSync('scripts/post-review-comment.sh', ['42', join(dir, 'report.md')], {
      encoding: 'utf8',
      env: {
        PATH: `${dir}:${process.env.PATH}`,
        GITHUB_REPOSITORY: 'lightwave/platform',
        FAKE_GH_LOG: files.log,
        FAKE_GH_COMMENTS: files.comments,
        FAKE_GH_BODY: files.body,
      },
    });
    const log = (() => {
      try {
        return readFileSync(files.log, 'utf8').trim().split('\n');
      } catch {
        return [];
      }
    })();
    return {
      status: run.status,
      stderr: run.stderr,
      log,
      posted: log.length > 1 ? readFileSync(files.body, 'utf8') : undefined,
    };
  }

  const bot = { login: 'github-actions[bot]' };

  test('the first report is posted as a new comment', () => {
    const { status, log, posted } = post([{ id: 7, user: { login: 'alice' }, body: 'LGTM' }]);
    expect(status).toBe(0);
    expect(log[1]).toMatch(/^api --method POST repos\/lightwave\/platform\/issues\/42\/comments -F body=@/);
    expect(posted).toContain('# Infrastructure review');
  });

  test("the next report updates the bot's comment in place", () => {
    const { log } = post([
      { id: 7, user: { login: 'alice' }, body: 'LGTM' },
      { id: 9, user: bot, body: `${REPORT_MARKER}\n# old report` },
    ]);
    expect(log[1]).toMatch(/^api --method PATCH repos\/lightwave\/platform\/issues\/comments\/9 -F body=@/);
  });

  test("someone else's comment quoting the marker is left alone", () => {
    const { log } = post([{ id: 11, user: { login: 'mallory' }, body: `${REPORT_MARKER}\nfake` }]);
    expect(log[1]).toMatch(/--method POST/);
  });

  test('a file that is not a review report is refused', () => {
    const { status, stderr, log } = post([], '# something else\n');
    expect(status).toBe(2);
    expect(stderr).toContain('not a review report');
    expect(log).toEqual([]);
  });
});

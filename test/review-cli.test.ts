/**
 * The review CLI always writes a report: also when its inputs cannot be read, saying what stopped it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environments } from '../environments';
import { REPORT_MARKER } from '../review/report';
import { synthesizeTree } from '../synth/synthesized-tree';
import { compiledReviewCli } from './support/review-cli';
import { writeCachedTree } from './support/synth';

const dir = mkdtempSync(join(tmpdir(), 'lightwave-review-cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const review = compiledReviewCli();

test('an unchanged configuration: a short report, and the comment is the report', () => {
  synthesizeTree(environments, join(dir, 'base'), writeCachedTree);
  const [out, comment] = [join(dir, 'same.md'), join(dir, 'same-comment.md')];
  const run = review([
    '--base',
    join(dir, 'base'),
    '--no-plan',
    '--tests',
    'success',
    '--out',
    out,
    '--comment-out',
    comment,
  ]);
  expect(run.status).toBe(0);
  expect(readFileSync(out, 'utf8')).toContain('# Infrastructure review: no infrastructure change');
  expect(readFileSync(comment, 'utf8')).toBe(readFileSync(out, 'utf8'));
});

test('a plan file that is not `terraform show -json` output: a report saying so, and exit 1', () => {
  writeFileSync(join(dir, 'not-a-plan.json'), '{"hello": "world"}');
  const out = join(dir, 'bad.md');
  const run = review([
    '--plan',
    `prod=${join(dir, 'not-a-plan.json')}`,
    '--no-plan',
    '--tests',
    'failure',
    '--out',
    out,
  ]);
  expect(run.status).toBe(1);
  const report = readFileSync(out, 'utf8');
  expect(report.split('\n').slice(0, 4)).toEqual([
    REPORT_MARKER,
    '# Infrastructure review — ⛔ the review could not read its inputs',
    '',
    '> ❌ `npm test` failed on this commit.',
  ]);
  expect(report).toContain('is not a plan in `terraform show -json` format');
});

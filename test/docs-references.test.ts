/**
 * The documentation cannot rot silently: every npm script, repository path, stack name and relative link the README
 * and docs/ name must exist, every page must be reachable from the README, and the README stays a front page.
 * Checked on planted pages first, so the checker is shown to fail, then on the real ones. docs/review-examples/ is left out: it is generated
 * (`npm run review:examples`) and has a staleness test of its own.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { environments } from '../environments';
import { accountsOf, bootstrapStackName } from '../environments/accounts';
import { docReferenceProblems, reachableDocs, type DocFile, type Repository } from './support/doc-references';

const root = resolve(__dirname, '..');
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
const pages = tracked.filter(
  (f) =>
    f === 'README.md' ||
    (f.startsWith('docs/') && f.endsWith('.md') && !f.startsWith('docs/review-examples/')),
);
const repo: Repository = {
  root,
  scripts: new Set(Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts)),
  topLevel: new Set(tracked.map((f) => f.split('/')[0])),
  stacks: new Set([...environments.map((e) => e.name), ...accountsOf(environments).map(bootstrapStackName)]),
};
const read = (path: string): DocFile => ({ path, text: readFileSync(join(root, path), 'utf8') });

/** A stack name no registered environment has. */
const UNREGISTERED = `${environments.map((e) => e.name).join('')}x`;

describe('the checker, on planted pages', () => {
  const planted = (text: string) => docReferenceProblems([{ path: 'docs/planted.md', text }], repo);

  test('a page naming only what exists passes', () => {
    const text = [
      'Run `npm run local`, then `npm test`; the rules are in `environments/rules/` and `stacks/database.ts`.',
      '```sh',
      'scripts/install-system-packages.sh && npx cdktf deploy bootstrap-dev && npx cdktf diff prod',
      '```',
      'See [Deploying](deploy.md#reaching-the-database), [the README](../README.md) and `environments/<env>.ts`.',
    ].join('\n');
    expect(planted(text)).toEqual([]);
  });

  test.each([
    ['a missing npm script', 'then `npm run deploy-everything`', 3, 'npm script', 'deploy-everything'],
    ['a missing file', 'lives in `stacks/nowhere.ts`.', 3, 'path', 'stacks/nowhere.ts'],
    ['a missing file in a code block', '```sh\nscripts/gone.sh --now\n```', 4, 'path', 'scripts/gone.sh'],
    ['an unknown environment', `\`npx cdktf deploy ${UNREGISTERED}\``, 3, 'stack', UNREGISTERED],
    ['a link to a missing page', 'see [Scaling](scaling.md)', 3, 'link', 'scaling.md'],
    ['a missing heading', 'see [x](deploy.md#no-such-heading)', 3, 'anchor', 'deploy.md#no-such-heading'],
  ])('%s fails, naming it and its line', (_what, text, line, kind, name) => {
    expect(planted(`# Planted\n\n${text}\n`)).toEqual([{ file: 'docs/planted.md', line, kind, name }]);
  });
});

describe('the README and docs/', () => {
  test('name only npm scripts, paths, stacks and pages that exist', () => {
    expect(docReferenceProblems(pages.map(read), repo)).toEqual([]);
  });

  test('the README stays a front page: at most 250 lines', () => {
    expect(read('README.md').text.split('\n').length).toBeLessThanOrEqual(250);
  });

  test('every page is reachable from the README', () => {
    const reached = reachableDocs('README.md', root);
    expect(pages.filter((p) => !reached.has(p))).toEqual([]);
  });
});

/**
 * The rendered examples in docs/review-examples/ are what the code produces today: regenerate them with
 * `npm run review:examples` when the report changes, and read their diff.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR, renderExamples } from '../scripts/review-examples';
import { writeCachedTree } from './support/synth';

describe('docs/review-examples', () => {
  const rendered = renderExamples(writeCachedTree);

  test('holds exactly the generated files', () => {
    expect(readdirSync(EXAMPLES_DIR).sort()).toEqual([...rendered.keys()].sort());
  });

  test.each([...rendered.keys()])('%s is up to date (npm run review:examples)', (file) => {
    expect(readFileSync(join(EXAMPLES_DIR, file), 'utf8')).toBe(rendered.get(file));
  });
});

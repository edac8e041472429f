/**
 * The sequencer starts the suites marked `@slow` first, whatever their size, and keeps jest's order otherwise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SlowFirstSequencer = require('./support/slow-first-sequencer') as new () => {
  sort(tests: { path: string; context: unknown }[]): { path: string }[];
};

const dir = join(__dirname, 'integration');
const suites = readdirSync(dir).map((f) => join(dir, f));
const slow = suites.filter((p) => /^\s*\*\s*@slow\b/m.test(readFileSync(p, 'utf8')));

test('the marked suites come first, every suite once', () => {
  expect(slow.length).toBeGreaterThan(0);
  // No timing cache, as on a fresh clone: jest falls back to file sizes.
  const context = {
    config: { cache: false },
    hasteFS: { getSize: (path: string) => readFileSync(path).length },
  };
  const sorted = new SlowFirstSequencer().sort(suites.map((path) => ({ path, context }))).map((t) => t.path);
  expect(sorted.slice(0, slow.length).sort()).toEqual([...slow].sort());
  expect([...sorted].sort()).toEqual([...suites].sort());
});

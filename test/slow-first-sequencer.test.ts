/**
 * The sequencer starts the suites marked `@slow ~<n> s` first, the longest first, whatever their size, and keeps jest's
 * order otherwise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SlowFirstSequencer = require('./support/slow-first-sequencer') as new () => {
  sort(tests: { path: string; context: unknown }[]): { path: string }[];
};

const dir = join(__dirname, 'integration');
const suites = readdirSync(dir).map((f) => join(dir, f));
const secondsOf = (p: string) =>
  Number(/^\s*\*\s*@slow ~(\d+) s\b/m.exec(readFileSync(p, 'utf8'))?.[1] ?? NaN);
const slow = suites.filter((p) => !Number.isNaN(secondsOf(p)));

test('the marked suites come first, every suite once', () => {
  expect(slow.length).toBeGreaterThan(0);
  // No timing cache, as on a fresh clone: jest falls back to file sizes.
  const context = {
    config: { cache: false },
    hasteFS: { getSize: (path: string) => readFileSync(path).length },
  };
  const sorted = new SlowFirstSequencer().sort(suites.map((path) => ({ path, context }))).map((t) => t.path);
  expect(sorted.slice(0, slow.length).sort()).toEqual([...slow].sort());
  const firstSeconds = sorted.slice(0, slow.length).map(secondsOf);
  expect(firstSeconds).toEqual([...firstSeconds].sort((a, b) => b - a)); // the longest first
  expect([...sorted].sort()).toEqual([...suites].sort());
});

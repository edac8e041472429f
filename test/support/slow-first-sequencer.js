/**
 * Jest's order, except that suites whose header says `@slow ~<seconds> s` start first, the longest first. Jest orders
 * by the durations it cached on earlier runs; a fresh clone (CI) has none and falls back to file size, which started
 * the 150–190-second plan suites among the last and left workers idle at the end. The marker says why a suite is slow
 * where it is written; its seconds only order the slow suites among themselves.
 */
const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

/** The seconds a suite's `@slow ~<n> s` marker gives, or undefined for a suite without one. */
function slowSeconds(path) {
  const marker = /^\s*\*\s*@slow ~(\d+) s\b/m.exec(readFileSync(path, 'utf8').slice(0, 2000));
  return marker ? Number(marker[1]) : undefined;
}

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const seconds = new Map(ordered.map((t) => [t, slowSeconds(t.path)]));
    const slow = ordered.filter((t) => seconds.get(t) !== undefined);
    slow.sort((a, b) => seconds.get(b) - seconds.get(a)); // stable: equal ones keep jest's order
    return [...slow, ...ordered.filter((t) => seconds.get(t) === undefined)];
  }
}

module.exports = SlowFirstSequencer;

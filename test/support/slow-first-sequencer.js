/**
 * Jest's order, except that suites whose header says `@slow` start first. Jest orders by the durations it cached on
 * earlier runs; a fresh clone (CI) has none and falls back to file size, which started the two 150-second plan suites
 * among the last and left workers idle at the end. The marker says why a suite is slow where it is written.
 */
const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const isSlow = (path) => /^\s*\*\s*@slow\b/m.test(readFileSync(path, 'utf8').slice(0, 2000));

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    return [...ordered.filter((t) => isSlow(t.path)), ...ordered.filter((t) => !isSlow(t.path))];
  }
}

module.exports = SlowFirstSequencer;

/**
 * The mutation run executes the jest test files under mocha (see docs/testing.md, "Mutation testing"). Mocha's BDD
 * interface, extended here (Stryker accepts only mocha's own interface names), gives them the jest globals they
 * use: `test`, `test.each`, `describe.each` (titles: each-title.ts) and jest's own `expect` (the `expect` package).
 * Whatever else a file uses fails loudly (a missing global, or `expect.assertions`, which only jest verifies), and
 * so do two tests of one name.
 * Loaded after register-typescript.js.
 */
const Mocha = require('mocha');
const { expect } = require('expect');
const { eachRows, eachTitle } = require('./each-title.ts');

const unverified = (name) => () => {
  throw new Error(`expect.${name} is verified by jest only, not in the mutation run`);
};
const mutationExpect = Object.assign(expect, {
  assertions: unverified('assertions'),
  hasAssertions: unverified('hasAssertions'),
});

/** Stryker knows a test by its full title: two tests of one title would share one coverage entry. */
const titles = new Set();
function uniquelyNamed(it) {
  return (name, fn) => {
    const test = it(name, fn);
    if (titles.has(test.fullTitle())) throw new Error(`two tests are named "${test.fullTitle()}"`);
    titles.add(test.fullTitle());
    return test;
  };
}

function withEach(define) {
  const each = (table) => (template, fn) =>
    eachRows(table).forEach((values) => define(eachTitle(template, values), () => fn(...values)));
  return Object.assign((name, fn) => define(name, fn), { each });
}

const bdd = Mocha.interfaces.bdd;
Mocha.interfaces.bdd = function bddWithJestGlobals(suite) {
  bdd(suite);
  suite.on(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, (context) => {
    context.test = withEach(uniquelyNamed(context.it));
    context.describe = withEach(context.describe);
    context.expect = mutationExpect;
  });
};

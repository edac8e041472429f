/**
 * The mutation run executes the jest test files under mocha (stryker.config.mjs says why). Mocha's BDD interface,
 * extended here (Stryker accepts only mocha's own interface names), gives them the jest globals they use: `test`,
 * `test.each`, `describe.each` (titles: each-title.ts) and jest's own `expect` (the `expect` package jest ships).
 * Loaded after register-typescript.js.
 */
const Mocha = require('mocha');
const { expect } = require('expect');
const { eachTitle } = require('./each-title.ts');

function withEach(define) {
  const each = (table) => (template, fn) =>
    table.forEach((row) => {
      const values = Array.isArray(row) ? row : [row];
      define(eachTitle(template, values), () => fn(...values));
    });
  return Object.assign((name, fn) => define(name, fn), { each });
}

const bdd = Mocha.interfaces.bdd;
Mocha.interfaces.bdd = function bddWithJestGlobals(suite) {
  bdd(suite);
  suite.on(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, (context) => {
    const { it, describe } = context;
    context.test = withEach((name, fn) => it(name, fn));
    context.describe = withEach((name, fn) => describe(name, fn));
    context.expect = expect;
  });
};

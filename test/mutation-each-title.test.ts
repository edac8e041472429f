/**
 * The mutation run names `each` rows itself (it runs the jest files under mocha). Its names must be unique, and the
 * same as jest's so that a test reads the same in the mutation report as in `npm test`: compared here with the
 * name jest itself gives each row.
 */
import { eachRows, eachTitle } from './support/mutation/each-title';

const rows: readonly (readonly unknown[])[] = [
  ['plain', 1],
  ['a string', 'with %s inside'],
  [{ nested: { deep: true } }, ['list', 2]],
  [undefined, null],
  ['100%', true],
  ['left over', 'values', 'are dropped'],
];
const templates = ['%s and %p', '%p is %p', 'fails when %s', 'literal %% and %s', '%j reads %s'];

describe.each(templates)('template %s', (template) => {
  test.each(rows)(template, (...row) => {
    expect(`template ${template} ${eachTitle(template, row)}`).toBe(expect.getState().currentTestName);
  });
});

const mixed = ['mon', ['tue', 'wed'], 3];
test.each(mixed)('%p: a table that is not all arrays has one value per row', (...values) => {
  expect(
    eachRows(mixed).map((row) => eachTitle('%p: a table that is not all arrays has one value per row', row)),
  ).toContain(expect.getState().currentTestName);
  expect(values).toHaveLength(1);
});

test.each(['%#: %s', '$name is %s', '%s and %s'])(
  '%s is refused rather than named unlike jest',
  (template) => {
    expect(() => eachTitle(template, ['one'])).toThrow(/each title/);
  },
);

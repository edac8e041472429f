/**
 * The mutation run names `each` rows itself (it runs the jest files under mocha): its titles must be jest's, or a
 * test id would differ between the two runs. Compared here with the title jest itself gives each row.
 */
import { eachTitle } from './support/mutation/each-title';

const rows: readonly (readonly unknown[])[] = [
  ['plain', 1],
  ['a string', 'with %s inside'],
  [{ nested: { deep: true } }, ['list', 2]],
  [undefined, null],
  ['100%', true],
  ['left over', 'values', 'are dropped'],
];

describe.each(['%s and %p', '%p is %p', 'fails when %s', 'literal %% and %s'])('template %s', (template) => {
  test.each(rows)(template, (...row) => {
    expect(`template ${template} ${eachTitle(template, row)}`).toBe(expect.getState().currentTestName);
  });
});

test.each(['mon', 'tue'])('%s is one value when the row is not an array', (day) => {
  expect(`${eachTitle('%s is one value when the row is not an array', [day])}`).toBe(
    expect.getState().currentTestName,
  );
});

/**
 * The titles jest gives the rows of `test.each` / `describe.each`, for the mutation run, which executes the jest test
 * files under mocha (see jest-interface.js). Emulated, following jest-each's array tables
 * (https://github.com/jestjs/jest/blob/v29.7.0/packages/jest-each/src/table/array.ts): rows are arrays when every
 * row is one, else each row is one value; the values fill the printf placeholders in order, %p pretty-printed
 * (pretty-format, depth 1, min), the others as util.format does, values left over not appended. What this does not
 * emulate (%#, `$variable` titles, template tables, a row shorter than its placeholders) throws, so the mutation
 * run's dry run fails instead of naming tests differently. test/mutation-each-title.test.ts compares with jest.
 */
import { format } from 'node:util';
import { format as prettyFormat } from 'pretty-format';

const PLACEHOLDER = /%[sdifjoOp%]/g;

/** The rows of a table, as the argument lists of its tests. */
export function eachRows(table: readonly unknown[]): unknown[][] {
  return table.every(Array.isArray) ? (table as unknown[][]) : table.map((row) => [row]);
}

export function eachTitle(template: string, row: readonly unknown[]): string {
  if (/%#|\$\w/.test(template)) throw new Error(`each title not emulated for the mutation run: ${template}`);
  const values = [...row];
  return template.replace(PLACEHOLDER, (placeholder) => {
    if (placeholder === '%%') return '%';
    if (values.length === 0) throw new Error(`each title has more placeholders than values: ${template}`);
    const value = values.shift();
    return placeholder === '%p'
      ? prettyFormat(value, { maxDepth: 1, min: true })
      : format(placeholder, value);
  });
}

/**
 * The title jest gives one row of `test.each` / `describe.each`, for the mutation run, which executes the jest test
 * files under mocha (see jest-interface.js). Emulated, following jest-each's array-table formatting
 * (https://github.com/jestjs/jest/blob/v29.7.0/packages/jest-each/src/table/array.ts): the row's values fill the
 * printf placeholders in order, %p pretty-printed (pretty-format, depth 1, min), the others as util.format does;
 * values left over are not appended. test/mutation-each-title.test.ts compares it with jest's own titles.
 */
import { format } from 'node:util';
import { format as prettyFormat } from 'pretty-format';

const PLACEHOLDER = /%[sdifjoOp%]/g;

export function eachTitle(template: string, row: readonly unknown[]): string {
  const values = [...row];
  return template.replace(PLACEHOLDER, (placeholder) => {
    if (placeholder === '%%') return '%';
    const value = values.shift();
    return placeholder === '%p'
      ? prettyFormat(value, { maxDepth: 1, min: true })
      : format(placeholder, value);
  });
}

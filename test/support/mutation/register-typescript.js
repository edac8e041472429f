/**
 * Loads the TypeScript sources (and Stryker's instrumented copies of them) in the mutation run, compiled by swc
 * with the project's .swcrc — the same compiler `npm run build` and jest (@swc/jest) use — without source maps
 * (nothing reads them here).
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { filename, sourceMaps: false });
  module._compile(code, filename);
};

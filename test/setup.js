// Registers cdktf's jest matchers (toHaveResourceWithProperties, …; types in test/cdktf-matchers.d.ts), loading
// cdktf on a matcher's first use only: most test files read synthesized JSON and never load cdktf (a quarter second
// per file). On first use, cdktf's own setupJest() hands its matchers over, and each call goes to cdktf's matcher.
const names = [
  'toHaveResource',
  'toHaveResourceWithProperties',
  'toHaveDataSource',
  'toHaveDataSourceWithProperties',
  'toHaveProvider',
  'toHaveProviderWithProperties',
  'toBeValidTerraform',
  'toPlanSuccessfully',
];
let cdktfMatchers;

function cdktfMatcher(name) {
  if (!cdktfMatchers) {
    const extend = expect.extend;
    cdktfMatchers = {};
    expect.extend = (matchers) => Object.assign(cdktfMatchers, matchers);
    try {
      require('cdktf').Testing.setupJest();
    } finally {
      expect.extend = extend;
    }
  }
  const matcher = cdktfMatchers[name];
  if (!matcher) throw new Error(`cdktf's setupJest() no longer registers ${name}`);
  return matcher;
}

expect.extend(
  Object.fromEntries(
    names.map((name) => [
      name,
      function (...args) {
        return cdktfMatcher(name).apply(this, args);
      },
    ]),
  ),
);

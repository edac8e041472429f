// Registers cdktf's jest matchers (toHaveResourceWithProperties, …); their types come from test/cdktf-matchers.d.ts.
require('cdktf').Testing.setupJest();

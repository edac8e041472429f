// ESLint (flat config). The one project rule: import provider classes from their own module, never the package
// root (the root import loads and type-checks every resource of the provider, ~15 s per process).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'cdktf.out/',
      'coverage/',
      'review-report/',
      '.stryker-tmp*/',
      'reports/',
      'local/',
      'test/consumers/*/migrations/',
      '**/*.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@cdktf/provider-[a-z0-9-]+$',
              message: "Import the resource's own module, e.g. '@cdktf/provider-aws/lib/db-instance'.",
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

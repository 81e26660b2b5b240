import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant of the client policies (stryker.config.json):
 * the policies' unit tests, the property suite and the client integration tests. The
 * mutants test files and the e2e scenario runs are left out: they seed their own bugs.
 */
export default defineConfig({
  test: {
    include: [
      'src/client/**/*.test.ts',
      'test/property/**/*.test.ts',
      'test/integration/client/**/*.test.ts',
    ],
    exclude: ['test/property/mutants.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

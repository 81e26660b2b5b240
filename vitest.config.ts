import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  // Examples and docs import the package by name (`faultline`, `faultline/vitest`, ...): in the
  // clone those names mean the sources, as tsconfig.json's `paths` do for the typechecker.
  resolve: {
    alias: [
      { find: /^faultline$/, replacement: src('index.ts') },
      { find: /^faultline\/([a-z-]+)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Files a user's project runs (copied there by test/e2e/getting-started.test.ts), not ours.
    exclude: [...configDefaults.exclude, 'test/fixtures/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests open real loopback sockets; two cores, so keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});

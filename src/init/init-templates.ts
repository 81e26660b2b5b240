/**
 * The files `faultline init` writes besides the scenarios. Each `$schema` points at the
 * installed package (./node_modules/faultline/schemas/), which exists in the user's repository.
 */

export interface RegistryValues {
  consumer: string;
  service: string;
  provider: string;
  pact: string;
  baseUrl: string;
}

/** faultline.config.yaml with the one service, and a client configuration to start from. */
export function registryTemplate(v: RegistryValues): string {
  return `# yaml-language-server: $schema=./node_modules/faultline/schemas/faultline-config.schema.json
#
# Faultline's service registry: the services your code depends on, their Pact names, where
# they run, the worst-case call time \`faultline check\` proves, and the client configuration
# under test. A scenario names a key of \`services\` in its \`service:\`.
# Guide: node_modules/faultline/docs/getting-started.md

consumer: ${v.consumer}           # your Pact consumer name

services:
  ${v.service}:
    provider: ${v.provider}       # its Pact provider name
    pact: ${v.pact}               # written by your consumer contract tests
    baseUrl: ${v.baseUrl}         # where it runs during \`faultline run\` and \`faultline verify\`
    slo: { maxCallMs: 2000 }
    client:
      timeoutMs: 500
      deadlineMs: 2000
      retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 500, jitter: full }
      breaker: { strategy: consecutive, failureThreshold: 5, resetTimeoutMs: 1000, halfOpenMaxCalls: 1 }
`;
}

/** .github/workflows/faultline.yml: contracts, invariants and scenarios on every push. */
export function workflowTemplate(v: { baseUrl: string }): string {
  return `# Runs Faultline on every push and pull request: contracts, invariants and fault scenarios.
# Guide: node_modules/faultline/docs/getting-started.md#wire-ci
name: faultline

on:
  push:
  pull_request:

jobs:
  faultline:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      # Start the service under test so that it answers at ${v.baseUrl}, e.g.:
      # - run: npm run start:provider &
      - run: npx faultline run
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: faultline-reports
          path: reports/
`;
}

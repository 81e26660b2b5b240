import type { ClientOptions } from '../../../src/client/client-types.ts';

/**
 * Client options for adapter tests: one attempt, no breaker, a short attempt timeout, so each
 * failure mode reaches the adapter exactly once. Tests that exercise the breaker pass it back.
 */
export function testClientOptions(
  service: string,
  baseUrl: string,
  overrides: Partial<ClientOptions> = {},
): ClientOptions {
  return { service, baseUrl, retry: false, breaker: false, timeoutMs: 300, deadlineMs: 3_000, ...overrides };
}

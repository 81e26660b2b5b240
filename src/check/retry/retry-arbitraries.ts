import fc from 'fast-check';
import type { RetryOptions } from '../../client/client-types.ts';
import type { AttemptResult } from '../../client/retry/retry-policy.ts';

/** Retry options small enough that every rule is exercised (budget off: see the budget property). */
export const retryOptionsArbitrary: fc.Arbitrary<RetryOptions> = fc
  .record({
    maxAttempts: fc.integer({ min: 1, max: 6 }),
    baseDelayMs: fc.integer({ min: 0, max: 200 }),
    multiplier: fc.constantFrom(1, 1.5, 2, 3),
    capOverBase: fc.integer({ min: 0, max: 2_000 }),
    jitter: fc.constantFrom('none', 'full', 'equal', 'decorrelated') as fc.Arbitrary<'full'>,
    retryOnNetworkError: fc.boolean(),
    respectRetryAfter: fc.boolean(),
  })
  .map(({ capOverBase, ...o }) => ({
    ...o,
    maxDelayMs: o.baseDelayMs + capOverBase,
    budget: false as const,
  }));

const STATUSES = [200, 204, 400, 401, 404, 409, 408, 425, 429, 500, 501, 502, 503, 504];
const CODES = [
  'FAULTLINE_NETWORK',
  'FAULTLINE_TIMEOUT',
  'FAULTLINE_INVALID_RESPONSE',
  'FAULTLINE_BREAKER_OPEN',
  'FAULTLINE_DEADLINE_EXCEEDED',
  'FAULTLINE_ABORTED',
  'FAULTLINE_BODY_TOO_LARGE',
];

/** What an attempt may produce, retryable or not, with or without Retry-After. */
export const attemptResultArbitrary: fc.Arbitrary<AttemptResult> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(502, 503, 504, 500, 429)
      .map((status) => ({ kind: 'status' as const, status })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ status: fc.constantFrom(429, 503), retryAfterMs: fc.integer({ min: 0, max: 3_000 }) })
      .map((r) => ({ kind: 'status' as const, ...r })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...STATUSES).map((status) => ({ kind: 'status' as const, status })),
  },
  { weight: 2, arbitrary: fc.constantFrom(...CODES).map((code) => ({ kind: 'error' as const, code })) },
);

export interface RetryScenario {
  method: string;
  idempotencyKey: string | undefined;
  deadlineMs: number;
  /** What the n-th attempt produces and how long it takes; past the end: 200 in 1 ms. */
  attempts: Array<{ result: AttemptResult; durationMs: number }>;
  seed: number;
}

export const retryScenarioArbitrary: fc.Arbitrary<RetryScenario> = fc.record({
  method: fc.constantFrom('GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'POST', 'PATCH'),
  idempotencyKey: fc.option(fc.constant('key-1'), { nil: undefined }),
  deadlineMs: fc.integer({ min: 1, max: 10_000 }),
  attempts: fc.array(
    fc.record({ result: attemptResultArbitrary, durationMs: fc.integer({ min: 0, max: 1_000 }) }),
    { maxLength: 8 },
  ),
  seed: fc.integer(),
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonRetryableAnswersProperty } from './non-retryable-answers-property.ts';

const check = (options: Parameters<typeof nonRetryableAnswersProperty>[0]) =>
  fc.check(nonRetryableAnswersProperty(options), { numRuns: 20, seed: 7, endOnFailure: true });

describe('nonRetryableAnswersProperty (the real client in virtual time)', () => {
  it('holds for a client whose retries and breaker leave 4xx answers alone', async () => {
    const details = await check({
      service: 's',
      retry: { maxAttempts: 3, baseDelayMs: 10 },
      breaker: { strategy: 'consecutive', failureThreshold: 2, resetTimeoutMs: 1000 },
    });
    expect(details.failed).toBe(false);
  });

  it('fails, naming the bug, when the breaker is configured to count a 4xx as a failure', async () => {
    const details = await check({
      service: 's',
      breaker: {
        strategy: 'consecutive',
        failureThreshold: 2,
        resetTimeoutMs: 1000,
        failureStatuses: [404, 422, 503],
      },
    });
    expect(details.failed).toBe(true);
    expect(String(details.errorInstance)).toMatch(
      /the breaker is open: a 4\d\d counted as a failure of the dependency/,
    );
  });
});

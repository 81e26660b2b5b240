import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import { resolveRetryOptions, retryDefaults } from './resolve-retry-options.ts';

describe('resolveRetryOptions', () => {
  it('fills every default', () => {
    expect(resolveRetryOptions()).toEqual({
      ...retryDefaults,
      budget: { ratio: 0.2, minRetriesPerWindow: 10, windowMs: 10_000 },
    });
  });

  it('keeps given values and partial budgets', () => {
    const r = resolveRetryOptions({ maxAttempts: 5, jitter: 'none', budget: { ratio: 0.5 } });
    expect(r.maxAttempts).toBe(5);
    expect(r.jitter).toBe('none');
    expect(r.budget).toEqual({ ratio: 0.5, minRetriesPerWindow: 10, windowMs: 10_000 });
    expect(resolveRetryOptions({ budget: false }).budget).toBe(false);
  });

  it.each([
    [{ maxAttempts: 0 }, 'retry.maxAttempts', 'an integer >= 1'],
    [{ maxAttempts: 1.5 }, 'retry.maxAttempts', 'an integer >= 1'],
    [{ baseDelayMs: -1 }, 'retry.baseDelayMs', '>= 0'],
    [{ multiplier: 0.5 }, 'retry.multiplier', '>= 1'],
    [{ baseDelayMs: 500, maxDelayMs: 100 }, 'retry.maxDelayMs', 'retry.baseDelayMs'],
    [{ jitter: 'random' }, 'retry.jitter', '"decorrelated"'],
    [{ retryOnStatus: [503, 404] }, 'retry.retryOnStatus[1]', 'never retried'],
    [{ retryOnStatus: [700] }, 'retry.retryOnStatus[0]', '100..599'],
    [{ retryOnNetworkError: 'yes' }, 'retry.retryOnNetworkError', 'true or false'],
    [{ budget: { windowMs: 0 } }, 'retry.budget.windowMs', '> 0'],
    [{ budget: { minRetriesPerWindow: -1 } }, 'retry.budget.minRetriesPerWindow', '>= 0'],
  ])('rejects %j naming %s', (options, field, expected) => {
    let error: unknown;
    try {
      resolveRetryOptions(options as never);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect((error as InvalidOptionsError).field).toBe(field);
    expect((error as InvalidOptionsError).code).toBe('FAULTLINE_INVALID_OPTIONS');
    expect((error as Error).message).toContain(expected);
  });

  it('allows retryable 4xx', () => {
    expect(resolveRetryOptions({ retryOnStatus: [408, 425, 429] }).retryOnStatus).toEqual([408, 425, 429]);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveRetryOptions } from '../../client/retry/resolve-retry-options.ts';
import { worstCaseCallTime } from './worst-case-call-time.ts';

describe('worstCaseCallTime', () => {
  it('attempts x timeout + maxDelayMs per retry when Retry-After is honoured', () => {
    const retry = resolveRetryOptions({ maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 });
    const w = worstCaseCallTime({ timeoutMs: 1_000, deadlineMs: 60_000, retry });
    expect(w.unboundedMs).toBe(3 * 1_000 + 2 * 1_000);
    expect(w.boundedMs).toBe(5_000);
  });

  it('the jitter upper bound per retry when Retry-After is ignored', () => {
    const retry = resolveRetryOptions({
      maxAttempts: 4,
      baseDelayMs: 100,
      maxDelayMs: 300,
      respectRetryAfter: false,
    });
    expect(worstCaseCallTime({ timeoutMs: 50, deadlineMs: 60_000, retry }).unboundedMs).toBe(
      4 * 50 + 100 + 200 + 300,
    );
  });

  it('is cut by the deadline; no retries means one attempt', () => {
    const retry = resolveRetryOptions({ maxAttempts: 5 });
    expect(worstCaseCallTime({ timeoutMs: 10_000, deadlineMs: 2_000, retry }).boundedMs).toBe(2_000);
    expect(worstCaseCallTime({ timeoutMs: 700, deadlineMs: 2_000, retry: false }).boundedMs).toBe(700);
  });
});

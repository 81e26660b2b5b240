import type { ResolvedRetryOptions } from '../../client/retry/resolve-retry-options.ts';

export interface WorstCaseCallTime {
  /** attempts x timeout + the longest possible wait before every retry, ms. */
  unboundedMs: number;
  /** The same, cut by the call deadline, ms: what a caller can wait at worst. */
  boundedMs: number;
  /** How unboundedMs adds up, for messages. */
  breakdown: string;
}

/**
 * The longest a call can take with this configuration: every attempt runs to its
 * timeout, and before every retry the longest wait the policy may grant, which is
 * maxDelayMs when Retry-After is honoured (a server may ask for up to the cap) and the
 * jitter's upper bound otherwise. The deadline cuts it.
 *
 * @example
 * worstCaseCallTime({ timeoutMs: 1000, deadlineMs: 5000, retry: resolveRetryOptions({}) }).boundedMs;
 */
export function worstCaseCallTime(c: {
  timeoutMs: number;
  deadlineMs: number;
  retry: ResolvedRetryOptions | false;
}): WorstCaseCallTime {
  const attempts = c.retry === false ? 1 : c.retry.maxAttempts;
  const waits: number[] = [];
  if (c.retry !== false) {
    const r = c.retry;
    let previous = 0;
    for (let n = 1; n < attempts; n++) {
      const exponential = Math.min(r.maxDelayMs, r.baseDelayMs * r.multiplier ** (n - 1));
      const jitterMax =
        r.jitter === 'decorrelated'
          ? Math.min(r.maxDelayMs, 3 * Math.max(r.baseDelayMs, previous))
          : exponential;
      const wait = r.respectRetryAfter ? r.maxDelayMs : jitterMax;
      waits.push(wait);
      previous = wait;
    }
  }
  const unboundedMs = attempts * c.timeoutMs + waits.reduce((a, b) => a + b, 0);
  const waitText =
    waits.length === 0 ? 'no retries' : `waits ${waits.map((w) => `${round(w)}`).join(' + ')} ms`;
  return {
    unboundedMs,
    boundedMs: Math.min(unboundedMs, c.deadlineMs),
    breakdown: `${attempts} attempt(s) x ${c.timeoutMs} ms timeout + ${waitText}${
      c.retry !== false && c.retry.respectRetryAfter ? ' (Retry-After may ask for up to maxDelayMs)' : ''
    }`,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

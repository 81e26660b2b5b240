import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import {
  boolean,
  integerAtLeast,
  numberAbove,
  numberAtLeast,
  oneOf,
  plainObject,
  statusList,
} from '../_internals/validate.ts';
import type { Jitter, RetryBudgetOptions, RetryOptions } from '../client-types.ts';

/** RetryOptions with every field present; `budget: false` when disabled. */
export interface ResolvedRetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  multiplier: number;
  maxDelayMs: number;
  jitter: Jitter;
  retryOnStatus: number[];
  retryOnNetworkError: boolean;
  respectRetryAfter: boolean;
  budget: Required<RetryBudgetOptions> | false;
}

/** Defaults of the retry budget (see RetryBudgetOptions). */
export const retryBudgetDefaults: Readonly<Required<RetryBudgetOptions>> = Object.freeze({
  /** fraction of calls */
  ratio: 0.2,
  /** retries per window */
  minRetriesPerWindow: 10,
  /** ms */
  windowMs: 10_000,
});

/** Defaults of every retry option, with their units. */
export const retryDefaults: Readonly<ResolvedRetryOptions> = Object.freeze({
  maxAttempts: 3, // attempts, including the first
  baseDelayMs: 100, // ms
  multiplier: 2,
  maxDelayMs: 10_000, // ms, caps backoff and Retry-After
  jitter: 'full' as Jitter,
  retryOnStatus: [408, 429, 500, 502, 503, 504],
  retryOnNetworkError: true,
  respectRetryAfter: true,
  budget: retryBudgetDefaults,
});

const JITTERS: readonly Jitter[] = ['none', 'full', 'equal', 'decorrelated'];

/**
 * 4xx statuses that may be listed in retryOnStatus: the request itself is fine, the server
 * asks to come back later. Every other 4xx means the request is wrong and retrying it is
 * pointless, so listing one is an error rather than silently ignored.
 */
export const RETRYABLE_4XX: readonly number[] = [408, 425, 429];

/**
 * Fills in defaults and validates; throws InvalidOptionsError naming `retry.<field>`.
 *
 * @example
 * resolveRetryOptions({ maxAttempts: 5 }).jitter; // 'full'
 */
export function resolveRetryOptions(o: RetryOptions = {}): ResolvedRetryOptions {
  plainObject('retry', o);
  const d = retryDefaults;
  const baseDelayMs = numberAtLeast('retry.baseDelayMs', o.baseDelayMs ?? d.baseDelayMs, 0, ' ms');
  const maxDelayMs = numberAtLeast('retry.maxDelayMs', o.maxDelayMs ?? d.maxDelayMs, 0, ' ms');
  if (maxDelayMs < baseDelayMs) {
    throw new InvalidOptionsError(
      'retry.maxDelayMs',
      `a cap >= retry.baseDelayMs (${baseDelayMs} ms); raise maxDelayMs or lower baseDelayMs`,
      maxDelayMs,
    );
  }
  const retryOnStatus = statusList('retry.retryOnStatus', o.retryOnStatus ?? d.retryOnStatus);
  retryOnStatus.forEach((s, i) => {
    if (s >= 400 && s < 500 && !RETRYABLE_4XX.includes(s)) {
      throw new InvalidOptionsError(
        `retry.retryOnStatus[${i}]`,
        `a 5xx or one of ${RETRYABLE_4XX.join(', ')} (other 4xx are never retried: the request itself is wrong)`,
        s,
      );
    }
  });
  return {
    maxAttempts: integerAtLeast('retry.maxAttempts', o.maxAttempts ?? d.maxAttempts, 1),
    baseDelayMs,
    multiplier: numberAtLeast('retry.multiplier', o.multiplier ?? d.multiplier, 1),
    maxDelayMs,
    jitter: oneOf('retry.jitter', o.jitter ?? d.jitter, JITTERS),
    retryOnStatus,
    retryOnNetworkError: boolean('retry.retryOnNetworkError', o.retryOnNetworkError ?? d.retryOnNetworkError),
    respectRetryAfter: boolean('retry.respectRetryAfter', o.respectRetryAfter ?? d.respectRetryAfter),
    budget: resolveBudget(o.budget),
  };
}

function resolveBudget(b: RetryBudgetOptions | false | undefined): Required<RetryBudgetOptions> | false {
  if (b === false) return false;
  if (b === undefined) return { ...retryBudgetDefaults };
  plainObject('retry.budget', b);
  const d = retryBudgetDefaults;
  return {
    ratio: numberAtLeast('retry.budget.ratio', b.ratio ?? d.ratio, 0),
    minRetriesPerWindow: integerAtLeast(
      'retry.budget.minRetriesPerWindow',
      b.minRetriesPerWindow ?? d.minRetriesPerWindow,
      0,
    ),
    windowMs: numberAbove('retry.budget.windowMs', b.windowMs ?? d.windowMs, 0, ' ms'),
  };
}

import {
  RETRY_BUDGET_DEFAULTS,
  RETRY_DEFAULTS,
  RETRYABLE_4XX,
} from '../../config/options/client-defaults.ts';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import {
  boolean,
  integerAtLeast,
  numberAbove,
  numberAtLeast,
  oneOf,
  plainObject,
  ratio,
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

/** Defaults of the retry budget, declared in src/config/options/client-defaults.ts. */
export const retryBudgetDefaults: Readonly<Required<RetryBudgetOptions>> = RETRY_BUDGET_DEFAULTS;

/** Defaults of every retry option, declared with their units in src/config/options/client-defaults.ts. */
export const retryDefaults: Readonly<ResolvedRetryOptions> = Object.freeze({
  ...RETRY_DEFAULTS,
  retryOnStatus: [...RETRY_DEFAULTS.retryOnStatus],
  budget: retryBudgetDefaults,
});

const JITTERS: readonly Jitter[] = ['none', 'full', 'equal', 'decorrelated'];

export { RETRYABLE_4XX };

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
    ratio: ratio('retry.budget.ratio', b.ratio ?? d.ratio),
    minRetriesPerWindow: integerAtLeast(
      'retry.budget.minRetriesPerWindow',
      b.minRetriesPerWindow ?? d.minRetriesPerWindow,
      0,
    ),
    windowMs: numberAbove('retry.budget.windowMs', b.windowMs ?? d.windowMs, 0, ' ms'),
  };
}

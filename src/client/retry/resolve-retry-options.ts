import {
  RETRY_BUDGET_DEFAULTS,
  RETRY_DEFAULTS,
  RETRYABLE_4XX,
} from '../../config/options/client-defaults.ts';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import {
  boolean,
  type Check,
  integerAtLeast,
  numberAbove,
  numberAtLeast,
  oneOf,
  type Rules,
  ratio,
  resolveGroup,
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

/** An array of HTTP statuses that can be worth retrying: 5xx, the retryable 4xx, or below 400. */
const retryableStatusList: Check<number[]> = (field, value) => {
  const statuses = statusList(field, value);
  statuses.forEach((s, i) => {
    if (s >= 400 && s < 500 && !RETRYABLE_4XX.includes(s)) {
      throw new InvalidOptionsError(
        `${field}[${i}]`,
        `a 5xx or one of ${RETRYABLE_4XX.join(', ')} (other 4xx are never retried: the request itself is wrong)`,
        s,
      );
    }
  });
  return statuses;
};

const BUDGET_RULES: Rules<Required<RetryBudgetOptions>> = {
  ratio,
  minRetriesPerWindow: integerAtLeast(0),
  windowMs: numberAbove(0, ' ms'),
};

/** `false` (no budget) or a budget object, its fields defaulted. */
const budget: Check<Required<RetryBudgetOptions> | false> = (field, value) =>
  value === false ? false : resolveGroup(field, value, BUDGET_RULES, retryBudgetDefaults);

/** What each retry option accepts, checked in this order (the schema's twin: option-agreement.test.ts). */
const RETRY_RULES: Rules<ResolvedRetryOptions> = {
  baseDelayMs: numberAtLeast(0, ' ms'),
  maxDelayMs: numberAtLeast(0, ' ms'),
  retryOnStatus: retryableStatusList,
  maxAttempts: integerAtLeast(1),
  multiplier: numberAtLeast(1),
  jitter: oneOf(JITTERS),
  retryOnNetworkError: boolean,
  respectRetryAfter: boolean,
  budget,
};

/**
 * Fills in defaults and validates; throws InvalidOptionsError naming `retry.<field>`.
 *
 * @example
 * resolveRetryOptions({ maxAttempts: 5 }).jitter; // 'full'
 */
export function resolveRetryOptions(o: RetryOptions = {}): ResolvedRetryOptions {
  const resolved = resolveGroup('retry', o, RETRY_RULES, retryDefaults);
  if (resolved.maxDelayMs < resolved.baseDelayMs) {
    throw new InvalidOptionsError(
      'retry.maxDelayMs',
      `a cap >= retry.baseDelayMs (${resolved.baseDelayMs} ms); raise maxDelayMs or lower baseDelayMs`,
      resolved.maxDelayMs,
    );
  }
  return resolved;
}

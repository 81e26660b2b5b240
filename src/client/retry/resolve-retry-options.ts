import {
  retryBudgetDefaults as budgetDefaults,
  RETRYABLE_4XX,
  retryConfigDefaults,
  retryConfigSchema,
} from '../../config/client-config-schema.ts';
import { parseOptions } from '../../config/options/parse-options.ts';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
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

/** Defaults of the retry budget, declared in src/config/client-config-schema.ts. */
export const retryBudgetDefaults: Readonly<Required<RetryBudgetOptions>> = budgetDefaults;

/** Defaults of every retry option, declared with their units in src/config/client-config-schema.ts. */
export const retryDefaults: Readonly<ResolvedRetryOptions> = Object.freeze({
  ...retryConfigDefaults,
  budget: retryBudgetDefaults,
});

export { RETRYABLE_4XX };

/**
 * Fills in defaults and validates; throws InvalidOptionsError naming `retry.<field>`.
 *
 * @example
 * resolveRetryOptions({ maxAttempts: 5 }).jitter; // 'full'
 */
export function resolveRetryOptions(o: RetryOptions = {}): ResolvedRetryOptions {
  const given = parseOptions(retryConfigSchema, o, 'retry');
  const resolved = { ...retryDefaults, ...given, budget: resolveBudget(given.budget) };
  // Cross-field, against the defaults too (a lone baseDelayMs above the default cap).
  if (resolved.maxDelayMs < resolved.baseDelayMs) {
    throw new InvalidOptionsError(
      'retry.maxDelayMs',
      `a cap >= retry.baseDelayMs (${resolved.baseDelayMs} ms); raise maxDelayMs or lower baseDelayMs`,
      resolved.maxDelayMs,
    );
  }
  return resolved;
}

function resolveBudget(b: RetryBudgetOptions | false | undefined): Required<RetryBudgetOptions> | false {
  if (b === false) return false;
  return { ...retryBudgetDefaults, ...b };
}

import type { Clock } from '../../time/clock.ts';
import type { Random } from '../../time/random.ts';
import { type Backoff, createBackoff } from '../backoff/create-backoff.ts';
import type { RetryOptions } from '../client-types.ts';
import { type ResolvedRetryOptions, resolveRetryOptions } from './resolve-retry-options.ts';
import { RetryBudget } from './retry-budget.ts';

export type { ResolvedRetryOptions } from './resolve-retry-options.ts';
export { resolveRetryOptions, retryBudgetDefaults, retryDefaults } from './resolve-retry-options.ts';

/** What one attempt produced, as the retry policy sees it. */
export type AttemptResult =
  | { kind: 'status'; status: number; retryAfterMs?: number }
  | { kind: 'error'; code: string };

/**
 * Why there is (not) another attempt. `deadline` also covers "the server asked us to wait
 * (Retry-After) longer than maxDelayMs": we never fire before Retry-After, and we never
 * wait longer than the cap, so we give up.
 */
export type RetryDecision =
  | { retry: true; delayMs: number }
  | {
      retry: false;
      reason:
        | 'success'
        | 'max-attempts'
        | 'not-retryable'
        | 'not-idempotent'
        | 'budget-exhausted'
        | 'deadline';
    };

export interface RetryDecisionInput {
  /** Attempts made so far, >= 1. */
  attempt: number;
  result: AttemptResult;
  /** HTTP method, upper case. */
  method: string;
  idempotencyKey?: string;
  /** Clock reading (ms) by which the whole call must be done. */
  deadlineAt: number;
  /** The delay granted before the previous retry, 0 before the first. */
  previousDelayMs: number;
}

/** Error codes that mean "the attempt did not get an answer": worth another try. */
export const RETRYABLE_ERROR_CODES: ReadonlySet<string> = new Set([
  'FAULTLINE_NETWORK',
  'FAULTLINE_TIMEOUT',
  'FAULTLINE_INVALID_RESPONSE',
]);

/** Methods that are safe to repeat (RFC 9110 9.2.2); others need an idempotency key. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Decides whether to retry an attempt and after how long. Pure apart from the clock it
 * reads, the jitter it draws and the budget it charges; the client does the waiting.
 *
 * Checks, in order: success -> retryable (status / error code) -> idempotent -> attempts
 * left -> delay (backoff, at least Retry-After, which must not exceed maxDelayMs) fits
 * before the deadline -> budget. The budget is charged last, only for a granted retry.
 *
 * @example
 * const policy = new RetryPolicy({ maxAttempts: 3 }, { clock, random });
 * policy.onCallStart();
 * const d = policy.decide({ attempt: 1, result: { kind: 'status', status: 503 }, method: 'GET',
 *   deadlineAt: clock.now() + 5_000, previousDelayMs: 0 });
 */
export class RetryPolicy {
  readonly options: ResolvedRetryOptions;
  private readonly backoff: Backoff;
  private readonly budget: RetryBudget | undefined;
  private readonly retryOnStatus: ReadonlySet<number>;

  constructor(
    options: RetryOptions | undefined,
    private readonly deps: { clock: Clock; random: Random },
  ) {
    this.options = resolveRetryOptions(options);
    this.backoff = createBackoff(this.options);
    this.budget =
      this.options.budget === false ? undefined : new RetryBudget(this.options.budget, deps.clock);
    this.retryOnStatus = new Set(this.options.retryOnStatus);
  }

  /** Counts a new call (not a retry) towards the retry budget; `now`: the call's start reading. */
  onCallStart(now?: number): void {
    this.budget?.recordCall(now);
  }

  /** Takes one retry from the budget for a hedge; true when granted (always, without a budget). */
  tryAcquireBudget(): boolean {
    return this.budget?.tryAcquire() ?? true;
  }

  /** Retries the budget would grant right now (Infinity without a budget). */
  get budgetAvailable(): number {
    return this.budget?.available ?? Number.POSITIVE_INFINITY;
  }

  decide(i: RetryDecisionInput): RetryDecision {
    const { result } = i;
    if (result.kind === 'status' && result.status < 400) return { retry: false, reason: 'success' };
    if (!this.isRetryable(result)) return { retry: false, reason: 'not-retryable' };
    if (!IDEMPOTENT_METHODS.has(i.method.toUpperCase()) && !i.idempotencyKey) {
      return { retry: false, reason: 'not-idempotent' };
    }
    if (i.attempt >= this.options.maxAttempts) return { retry: false, reason: 'max-attempts' };

    let delayMs = this.backoff.delay(i.attempt, i.previousDelayMs, this.deps.random);
    const retryAfterMs = result.kind === 'status' ? result.retryAfterMs : undefined;
    if (this.options.respectRetryAfter && retryAfterMs !== undefined) {
      // Never fire before Retry-After; never wait longer than the cap: give up instead.
      if (retryAfterMs > this.options.maxDelayMs) return { retry: false, reason: 'deadline' };
      delayMs = Math.max(delayMs, retryAfterMs);
    }
    if (this.deps.clock.now() + delayMs >= i.deadlineAt) return { retry: false, reason: 'deadline' };
    if (this.budget !== undefined && !this.budget.tryAcquire()) {
      return { retry: false, reason: 'budget-exhausted' };
    }
    return { retry: true, delayMs };
  }

  private isRetryable(result: AttemptResult): boolean {
    if (result.kind === 'error') {
      return this.options.retryOnNetworkError && RETRYABLE_ERROR_CODES.has(result.code);
    }
    // Other 4xx are rejected by resolveRetryOptions, so the set alone is the rule.
    return this.retryOnStatus.has(result.status);
  }
}

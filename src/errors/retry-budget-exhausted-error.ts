import { FaultlineError } from './faultline-error.ts';

/**
 * A retry was warranted but the retry budget (a ratio of recent calls) was spent, so the
 * call failed with its last error as `cause` rather than amplifying an outage.
 *
 * @example
 * if (err instanceof RetryBudgetExhaustedError) console.log(err.cause);
 */
export class RetryBudgetExhaustedError extends FaultlineError {
  readonly service: string;

  constructor(service: string, options?: { cause?: unknown }) {
    super(
      'FAULTLINE_RETRY_BUDGET_EXHAUSTED',
      `Failed to call ${service}: the attempt failed and the retry budget is exhausted, so it was not ` +
        'retried. The service is failing broadly; raise `retry.budget.ratio` only if that is expected.',
      options,
    );
    this.service = service;
  }
}

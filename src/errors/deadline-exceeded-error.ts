import { FaultlineError } from './faultline-error.ts';

/**
 * A call (all attempts plus the backoff between them) ran past its overall deadline.
 * Not retried: the deadline is the outer bound of the retry loop.
 *
 * @example
 * if (err instanceof DeadlineExceededError) console.log(err.deadlineMs, err.cause);
 */
export class DeadlineExceededError extends FaultlineError {
  readonly service: string;
  readonly deadlineMs: number;

  constructor(service: string, deadlineMs: number, options?: { cause?: unknown }) {
    super(
      'FAULTLINE_DEADLINE_EXCEEDED',
      `Failed to call ${service}: the call did not complete within deadlineMs=${deadlineMs} ms ` +
        '(attempts and backoff included). Raise `deadlineMs` or lower `retry.maxAttempts`.',
      options,
    );
    this.service = service;
    this.deadlineMs = deadlineMs;
  }
}

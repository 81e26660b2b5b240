import { FaultlineError } from './faultline-error.ts';

/**
 * The client-side rate limiter had no token and the wait for one would exceed
 * `rateLimit.maxWaitMs` (or the call deadline): the attempt was not sent.
 *
 * @example
 * if (err instanceof RateLimitedError) console.log(`next token in ${err.retryAfterMs} ms`);
 */
export class RateLimitedError extends FaultlineError {
  readonly service: string;
  /** Time until a token is available, ms. */
  readonly retryAfterMs: number;

  constructor(service: string, retryAfterMs: number, maxWaitMs: number) {
    super(
      'FAULTLINE_RATE_LIMITED',
      `Failed to call ${service}: rate limit reached, next token in ${Math.ceil(retryAfterMs)} ms, more than ` +
        `rateLimit.maxWaitMs=${maxWaitMs} ms (or the call deadline). Lower the call rate or raise the limit.`,
    );
    this.service = service;
    this.retryAfterMs = retryAfterMs;
  }
}

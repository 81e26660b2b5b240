import { FaultlineError } from './faultline-error.ts';

/**
 * The circuit breaker is open (or isolated, or half-open with every probe slot taken), so
 * the call was rejected without touching the network. Never retried.
 *
 * @example
 * if (err instanceof BreakerOpenError) console.log(`retry in ${err.retryAfterMs} ms`);
 */
export class BreakerOpenError extends FaultlineError {
  readonly service: string;
  /** Breaker state that rejected the call. */
  readonly state: string;
  /** Time until the breaker admits a probe, ms (0 when unknown or isolated). */
  readonly retryAfterMs: number;

  constructor(service: string, state: string, retryAfterMs: number) {
    super(
      'FAULTLINE_BREAKER_OPEN',
      `Failed to call ${service}: the circuit breaker is ${state}, the call was short-circuited` +
        (retryAfterMs > 0 ? ` (probes admitted in ${Math.ceil(retryAfterMs)} ms)` : '') +
        '. Serve a fallback, or wait for the breaker to half-open.',
    );
    this.service = service;
    this.state = state;
    this.retryAfterMs = retryAfterMs;
  }
}

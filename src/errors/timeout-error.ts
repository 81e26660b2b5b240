import { FaultlineError } from './faultline-error.ts';

/**
 * One attempt took longer than its per-attempt timeout (connect, headers and the whole body).
 * Counted as a failure by the breaker and retried like a network error.
 *
 * @example
 * if (err instanceof TimeoutError) console.log(err.timeoutMs);
 */
export class TimeoutError extends FaultlineError {
  readonly service: string;
  readonly timeoutMs: number;

  constructor(service: string, timeoutMs: number, options?: { cause?: unknown }) {
    super(
      'FAULTLINE_TIMEOUT',
      `Failed to call ${service}: the attempt did not complete within timeoutMs=${timeoutMs} ms. ` +
        'Raise `timeoutMs` in the client options if the service is legitimately slow.',
      options,
    );
    this.service = service;
    this.timeoutMs = timeoutMs;
  }
}

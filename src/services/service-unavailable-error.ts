import { FaultlineError } from '../errors/faultline-error.ts';

/**
 * A service could not answer: timeout, network error, open breaker, deadline, a 5xx/408/429
 * after retries, or a malformed success body. `reason` is the underlying failure's code
 * (`FAULTLINE_TIMEOUT`, `FAULTLINE_BREAKER_OPEN`, `FAULTLINE_HTTP_STATUS`...); `cause` keeps it.
 *
 * @example
 * if (err instanceof ServiceUnavailableError && err.reason === 'FAULTLINE_BREAKER_OPEN') backOff();
 */
export class ServiceUnavailableError extends FaultlineError {
  readonly service: string;
  readonly reason: string;
  /** The last HTTP status, when the failure was a status. */
  readonly status: number | undefined;

  constructor(
    service: string,
    operation: string,
    reason: string,
    status: number | undefined,
    cause?: unknown,
  ) {
    super(
      'FAULTLINE_SERVICE_UNAVAILABLE',
      `Failed to ${operation}: ${service} is unavailable (${reason}${status !== undefined ? `, status ${status}` : ''}). ` +
        `Retry later, or check the service's health and the client's breaker state.`,
      { cause },
    );
    this.service = service;
    this.reason = reason;
    this.status = status;
  }
}

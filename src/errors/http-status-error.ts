import { FaultlineError } from './faultline-error.ts';

/** The response that made a call fail (body already read). */
export interface FailedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/**
 * The last attempt of a call answered with a failure status (5xx, 429, 408 or a configured
 * retryable status) and no fallback served the call. The response is kept for inspection.
 *
 * @example
 * if (err instanceof HttpStatusError && err.status === 503) backOff();
 */
export class HttpStatusError extends FaultlineError {
  readonly service: string;
  readonly status: number;
  readonly response: FailedResponse;

  constructor(service: string, response: FailedResponse) {
    super(
      'FAULTLINE_HTTP_STATUS',
      `Failed to call ${service}: it answered HTTP ${response.status} on the last attempt. ` +
        'The service is failing; see its logs, or configure a fallback.',
    );
    this.service = service;
    this.status = response.status;
    this.response = response;
  }
}

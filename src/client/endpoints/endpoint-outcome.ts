import type { EndpointOutcome } from './outlier-detector.ts';

/** Error codes that count against an endpoint: it did not answer (connect failure, reset, timeout). */
const ENDPOINT_FAILURE_CODES: ReadonlySet<string> = new Set([
  'FAULTLINE_NETWORK',
  'FAULTLINE_TIMEOUT',
  'FAULTLINE_INVALID_RESPONSE',
]);

/**
 * How an attempt's result counts for outlier detection: any 5xx or a transport failure is a
 * failure; other statuses are successes (a 4xx is the caller's fault, not the endpoint's);
 * aborts, deadline cuts and oversized bodies say nothing about the endpoint.
 *
 * @example
 * endpointOutcome(503, undefined); // 'failure'
 */
export function endpointOutcome(status: number | undefined, errorCode: string | undefined): EndpointOutcome {
  if (status !== undefined) return status >= 500 ? 'failure' : 'success';
  return errorCode !== undefined && ENDPOINT_FAILURE_CODES.has(errorCode) ? 'failure' : 'ignore';
}

/** How a finished attempt is reported to a BreakerPermit. */
export type BreakerOutcome = 'success' | 'failure' | 'ignore';

/**
 * Error codes that say nothing about the health of the service, so they neither count
 * for nor against it: the caller gave up, the call ran out of its own deadline, or the
 * breaker itself refused.
 */
const NEUTRAL_ERROR_CODES: ReadonlySet<string> = new Set([
  'FAULTLINE_ABORTED',
  'FAULTLINE_DEADLINE_EXCEEDED',
  'FAULTLINE_BREAKER_OPEN',
]);

/**
 * Classifies an attempt for the breaker: a status in `failureStatuses` is a failure, any
 * other status a success; an error is a failure unless its code is neutral (see above).
 *
 * @example
 * breakerOutcomeOf({ status: 503 }, resolved.failureStatuses); // 'failure'
 */
export function breakerOutcomeOf(
  result: { status: number } | { errorCode: string },
  failureStatuses: readonly number[],
): BreakerOutcome {
  if ('status' in result) return failureStatuses.includes(result.status) ? 'failure' : 'success';
  return NEUTRAL_ERROR_CODES.has(result.errorCode) ? 'ignore' : 'failure';
}

import type { ResolvedBreakerOptions } from '../../client/breaker/resolve-breaker-options.ts';

/**
 * Problems that make a breaker unable to open (or to open for the reason it is meant to),
 * whatever the traffic: each entry names the field and the fix. Empty when reachable.
 *
 * @example
 * breakerReachabilityProblems(resolveBreakerOptions({ strategy: 'count-window', windowSize: 5, minimumCalls: 10 }), 1000);
 * // ['breaker.minimumCalls (10) > breaker.windowSize (5): ...']
 */
export function breakerReachabilityProblems(o: ResolvedBreakerOptions, timeoutMs: number): string[] {
  const problems: string[] = [];
  if (o.strategy === 'count-window' && o.minimumCalls > o.windowSize) {
    problems.push(
      `breaker.minimumCalls (${o.minimumCalls}) > breaker.windowSize (${o.windowSize}): the window never holds enough calls, so the circuit never opens; lower minimumCalls or raise windowSize`,
    );
  }
  if (o.strategy === 'slow-call-rate' && o.slowCallDurationMs > timeoutMs) {
    problems.push(
      `breaker.slowCallDurationMs (${o.slowCallDurationMs} ms) > timeoutMs (${timeoutMs} ms): an attempt times out before it can count as slow, so slowness never opens the circuit; lower slowCallDurationMs below the timeout`,
    );
  }
  const failureCodesCounted = o.failureStatuses.some((s) => s >= 500);
  if (!failureCodesCounted) {
    problems.push(
      'breaker.failureStatuses has no 5xx: server errors never count as failures; include 500..599',
    );
  }
  return problems;
}

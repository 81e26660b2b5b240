import {
  integerAtLeast,
  numberAbove,
  numberAtLeast,
  oneOf,
  plainObject,
  rate,
  statusList,
} from '../_internals/validate.ts';
import type { BreakerOptions, BreakerStrategy } from '../client-types.ts';

/** BreakerOptions with every field present. */
export type ResolvedBreakerOptions = Required<BreakerOptions>;

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Defaults of every breaker option, with their units. */
export const breakerDefaults: Readonly<ResolvedBreakerOptions> = Object.freeze({
  strategy: 'consecutive' as BreakerStrategy,
  failureThreshold: 5, // consecutive failures
  windowSize: 20, // calls (count-window)
  windowMs: 10_000, // ms (time-window, slow-call-rate)
  minimumCalls: 10, // calls in the window before a rate means anything
  failureRateThreshold: 0.5, // in (0, 1]
  slowCallDurationMs: 5_000, // ms
  slowCallRateThreshold: 0.5, // in (0, 1]
  resetTimeoutMs: 30_000, // ms spent open before probing
  halfOpenMaxCalls: 1, // concurrent probes
  halfOpenSuccesses: 1, // successful probes to close
  // 408 (the server timed out waiting for us) and every 5xx; 429 is back-pressure, not failure.
  failureStatuses: [408, ...range(500, 599)],
});

const STRATEGIES: readonly BreakerStrategy[] = [
  'consecutive',
  'count-window',
  'time-window',
  'slow-call-rate',
];

/**
 * Fills in defaults and validates; throws InvalidOptionsError naming `breaker.<field>`.
 * Cross-field reachability (e.g. count-window minimumCalls > windowSize never opens) is not
 * an error here: `faultline check` reports it as a failed config property.
 *
 * @example
 * resolveBreakerOptions({ strategy: 'count-window' }).windowSize; // 20
 */
export function resolveBreakerOptions(o: BreakerOptions = {}): ResolvedBreakerOptions {
  plainObject('breaker', o);
  const d = breakerDefaults;
  return {
    strategy: oneOf('breaker.strategy', o.strategy ?? d.strategy, STRATEGIES),
    failureThreshold: integerAtLeast('breaker.failureThreshold', o.failureThreshold ?? d.failureThreshold, 1),
    windowSize: integerAtLeast('breaker.windowSize', o.windowSize ?? d.windowSize, 1),
    windowMs: numberAbove('breaker.windowMs', o.windowMs ?? d.windowMs, 0, ' ms'),
    minimumCalls: integerAtLeast('breaker.minimumCalls', o.minimumCalls ?? d.minimumCalls, 1),
    failureRateThreshold: rate(
      'breaker.failureRateThreshold',
      o.failureRateThreshold ?? d.failureRateThreshold,
    ),
    slowCallDurationMs: numberAbove(
      'breaker.slowCallDurationMs',
      o.slowCallDurationMs ?? d.slowCallDurationMs,
      0,
      ' ms',
    ),
    slowCallRateThreshold: rate(
      'breaker.slowCallRateThreshold',
      o.slowCallRateThreshold ?? d.slowCallRateThreshold,
    ),
    resetTimeoutMs: numberAtLeast('breaker.resetTimeoutMs', o.resetTimeoutMs ?? d.resetTimeoutMs, 0, ' ms'),
    halfOpenMaxCalls: integerAtLeast('breaker.halfOpenMaxCalls', o.halfOpenMaxCalls ?? d.halfOpenMaxCalls, 1),
    halfOpenSuccesses: integerAtLeast(
      'breaker.halfOpenSuccesses',
      o.halfOpenSuccesses ?? d.halfOpenSuccesses,
      1,
    ),
    failureStatuses: statusList('breaker.failureStatuses', o.failureStatuses ?? d.failureStatuses),
  };
}

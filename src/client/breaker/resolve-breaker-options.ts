import { BREAKER_DEFAULTS } from '../../config/options/client-defaults.ts';
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

/**
 * Defaults of every breaker option, declared with their units in
 * src/config/options/client-defaults.ts (the registry schema attaches the same values).
 */
export const breakerDefaults: Readonly<ResolvedBreakerOptions> = Object.freeze({
  ...BREAKER_DEFAULTS,
  failureStatuses: [...BREAKER_DEFAULTS.failureStatuses],
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
    failureStatuses: statusList('breaker.failureStatuses', o.failureStatuses ?? [...d.failureStatuses]),
  };
}

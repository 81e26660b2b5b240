import { BREAKER_DEFAULTS } from '../../config/options/client-defaults.ts';
import {
  integerAtLeast,
  numberAbove,
  numberAtLeast,
  oneOf,
  type Rules,
  rate,
  resolveGroup,
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

/** What each breaker option accepts, checked in this order (the schema's twin: option-agreement.test.ts). */
const BREAKER_RULES: Rules<ResolvedBreakerOptions> = {
  strategy: oneOf(STRATEGIES),
  failureThreshold: integerAtLeast(1),
  windowSize: integerAtLeast(1),
  windowMs: numberAbove(0, ' ms'),
  minimumCalls: integerAtLeast(1),
  failureRateThreshold: rate,
  slowCallDurationMs: numberAbove(0, ' ms'),
  slowCallRateThreshold: rate,
  resetTimeoutMs: numberAtLeast(0, ' ms'),
  halfOpenMaxCalls: integerAtLeast(1),
  halfOpenSuccesses: integerAtLeast(1),
  failureStatuses: statusList,
};

/**
 * Fills in defaults and validates; throws InvalidOptionsError naming `breaker.<field>`.
 * Cross-field reachability (e.g. count-window minimumCalls > windowSize never opens) is not
 * an error here: `faultline check` reports it as a failed config property.
 *
 * @example
 * resolveBreakerOptions({ strategy: 'count-window' }).windowSize; // 20
 */
export function resolveBreakerOptions(o: BreakerOptions = {}): ResolvedBreakerOptions {
  return resolveGroup('breaker', o, BREAKER_RULES, breakerDefaults);
}

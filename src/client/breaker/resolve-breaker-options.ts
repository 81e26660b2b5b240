import { breakerConfigDefaults, breakerConfigSchema } from '../../config/client-config-schema.ts';
import { parseOptions } from '../../config/options/parse-options.ts';
import type { BreakerOptions } from '../client-types.ts';

/** BreakerOptions with every field present. */
export type ResolvedBreakerOptions = Required<BreakerOptions>;

/** Defaults of every breaker option, declared with their units in src/config/client-config-schema.ts. */
export const breakerDefaults: Readonly<ResolvedBreakerOptions> = breakerConfigDefaults;

/**
 * Fills in defaults and validates; throws InvalidOptionsError naming `breaker.<field>`.
 * Cross-field reachability (e.g. count-window minimumCalls > windowSize never opens) is not
 * an error here: `faultline check` reports it as a failed config property.
 *
 * @example
 * resolveBreakerOptions({ strategy: 'count-window' }).windowSize; // 20
 */
export function resolveBreakerOptions(o: BreakerOptions = {}): ResolvedBreakerOptions {
  return { ...breakerDefaults, ...parseOptions(breakerConfigSchema, o, 'breaker') };
}

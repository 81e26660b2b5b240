import { HEDGING_DEFAULTS } from '../../config/options/client-defaults.ts';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import {
  type Check,
  integerAtLeast,
  numberAtLeast,
  type Rules,
  resolveGroup,
} from '../_internals/validate.ts';
import type { HedgingOptions } from '../client-types.ts';

/** Defaults of hedging, declared with their units in src/config/options/client-defaults.ts. */
export const hedgingDefaults: Readonly<ResolvedHedgingOptions> = HEDGING_DEFAULTS;

export interface ResolvedHedgingOptions {
  delayMs: number | 'p95';
  maxHedges: number;
  minSamples: number;
  minDelayMs: number;
}

const delayOrP95: Check<number | 'p95'> = (field, value) => {
  if (value !== 'p95' && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
    throw new InvalidOptionsError(field, 'a number of ms >= 0 or "p95"', value);
  }
  return value;
};

const HEDGING_RULES: Rules<ResolvedHedgingOptions> = {
  delayMs: delayOrP95,
  maxHedges: integerAtLeast(1),
  minSamples: integerAtLeast(1),
  minDelayMs: numberAtLeast(0, ' ms'),
};

/**
 * @example
 * resolveHedgingOptions({ delayMs: 50 }).maxHedges; // 1
 */
export function resolveHedgingOptions(o: HedgingOptions): ResolvedHedgingOptions {
  return resolveGroup('hedging', o, HEDGING_RULES, hedgingDefaults);
}

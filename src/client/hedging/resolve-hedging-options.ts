import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import { integerAtLeast, numberAtLeast, plainObject } from '../_internals/validate.ts';
import type { HedgingOptions } from '../client-types.ts';

/** Defaults of hedging, with units. */
export const hedgingDefaults = Object.freeze({
  delayMs: 'p95' as const, // ms, or the p95 of recent attempt latencies
  maxHedges: 1, // extra attempts per attempt
  minSamples: 20, // latencies observed before a p95 delay is trusted
  minDelayMs: 1, // ms, floor on a p95 delay
});

export interface ResolvedHedgingOptions {
  delayMs: number | 'p95';
  maxHedges: number;
  minSamples: number;
  minDelayMs: number;
}

/**
 * @example
 * resolveHedgingOptions({ delayMs: 50 }).maxHedges; // 1
 */
export function resolveHedgingOptions(o: HedgingOptions): ResolvedHedgingOptions {
  plainObject('hedging', o);
  const d = hedgingDefaults;
  const delay = o.delayMs ?? d.delayMs;
  if (delay !== 'p95' && (typeof delay !== 'number' || !Number.isFinite(delay) || delay < 0)) {
    throw new InvalidOptionsError('hedging.delayMs', 'a number of ms >= 0 or "p95"', delay);
  }
  return {
    delayMs: delay,
    maxHedges: integerAtLeast('hedging.maxHedges', o.maxHedges ?? d.maxHedges, 1),
    minSamples: integerAtLeast('hedging.minSamples', o.minSamples ?? d.minSamples, 1),
    minDelayMs: numberAtLeast('hedging.minDelayMs', o.minDelayMs ?? d.minDelayMs, 0, ' ms'),
  };
}

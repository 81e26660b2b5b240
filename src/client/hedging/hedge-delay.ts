import type { LatencyTracker } from './latency-tracker.ts';
import type { ResolvedHedgingOptions } from './resolve-hedging-options.ts';

/**
 * The delay before a hedge for the next attempt, or undefined for "do not hedge" (a p95
 * delay with fewer than `minSamples` observed latencies: hedging on a guess would double
 * the load of a cold client).
 *
 * @example
 * hedgeDelay({ delayMs: 'p95', minSamples: 20, minDelayMs: 1, maxHedges: 1 }, tracker); // e.g. 42
 */
export function hedgeDelay(o: ResolvedHedgingOptions, tracker: LatencyTracker): number | undefined {
  if (o.delayMs !== 'p95') return o.delayMs;
  if (tracker.count < o.minSamples) return undefined;
  return Math.max(o.minDelayMs, tracker.p95());
}

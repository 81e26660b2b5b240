import { describe, expect, it } from 'vitest';
import { hedgeDelay } from './hedge-delay.ts';
import { LatencyTracker } from './latency-tracker.ts';
import { resolveHedgingOptions } from './resolve-hedging-options.ts';

describe('LatencyTracker and hedgeDelay', () => {
  it('computes the p95 of the recent samples', () => {
    const t = new LatencyTracker(100);
    for (let i = 1; i <= 100; i++) t.record(i);
    expect(t.p95()).toBe(95);
    // the ring forgets the oldest samples
    for (let i = 0; i < 100; i++) t.record(1_000);
    expect(t.p95()).toBe(1_000);
  });

  it('does not hedge on a p95 until minSamples were seen, and floors it', () => {
    const o = resolveHedgingOptions({ minSamples: 3, minDelayMs: 5 });
    const t = new LatencyTracker();
    t.record(1);
    expect(hedgeDelay(o, t)).toBeUndefined();
    t.record(1);
    t.record(2);
    expect(hedgeDelay(o, t)).toBe(5);
    expect(hedgeDelay(resolveHedgingOptions({ delayMs: 40 }), t)).toBe(40);
  });

  it('rejects an invalid delay naming the field', () => {
    expect(() => resolveHedgingOptions({ delayMs: -1 })).toThrow(/hedging\.delayMs/);
  });
});

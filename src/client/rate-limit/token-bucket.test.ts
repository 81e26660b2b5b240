import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/manual-clock.ts';
import { TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('allows a burst, then one token per 1000/ratePerSec ms', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSec: 10, burst: 2 }, clock.now());
    expect(bucket.take(clock.now())).toBe(0);
    expect(bucket.take(clock.now())).toBe(0);
    expect(bucket.take(clock.now())).toBeCloseTo(100);
    await clock.advance(50);
    expect(bucket.take(clock.now())).toBeCloseTo(50);
    await clock.advance(50);
    expect(bucket.take(clock.now())).toBe(0);
    expect(bucket.take(clock.now())).toBeCloseTo(100);
  });

  it('never holds more than burst tokens however long it idles', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSec: 100, burst: 3 }, clock.now());
    await clock.advance(60_000);
    let granted = 0;
    while (bucket.take(clock.now()) === 0 && granted < 10) granted++;
    expect(granted).toBe(3);
  });

  it('reserve() queues callers in order: each waits one interval more', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSec: 10, burst: 1 }, clock.now());
    expect(bucket.reserve(0)).toBe(0);
    expect(bucket.reserve(0)).toBeCloseTo(100);
    expect(bucket.reserve(0)).toBeCloseTo(200);
    expect(bucket.take(0)).toBeCloseTo(300);
  });

  it('pauses on Retry-After even with tokens left', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSec: 1000, burst: 10 }, clock.now());
    bucket.pauseUntil(2_000);
    expect(bucket.take(clock.now())).toBe(2_000);
    await clock.advance(1_500);
    expect(bucket.take(clock.now())).toBe(500);
    await clock.advance(500);
    expect(bucket.take(clock.now())).toBe(0);
  });

  it('callers reserved during a 429 pause go one interval apart after it, not all at once', () => {
    const bucket = new TokenBucket({ ratePerSec: 10, burst: 1, maxWaitMs: 20_000 }, 0);
    bucket.pauseUntil(10_000);
    const waits = Array.from({ length: 4 }, () => bucket.reserve(0));
    // Before the fix all four went at 10 000 ms: the refill during the pause was not capped at burst.
    expect(waits.map((w) => Math.round(w))).toEqual([10_000, 10_100, 10_200, 10_300]);
    expect(bucket.take(10_000)).toBeCloseTo(400);
  });

  it('validates its options with the field name', () => {
    expect(() => new TokenBucket({ ratePerSec: 0 }, 0)).toThrow('rateLimit.ratePerSec');
    expect(() => new TokenBucket({ ratePerSec: 5, burst: 0 }, 0)).toThrow('rateLimit.burst');
    expect(new TokenBucket({ ratePerSec: 2.5 }, 0).options).toEqual({
      ratePerSec: 2.5,
      burst: 3,
      maxWaitMs: 0,
      pauseOn429: true,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createRandom } from '../../time/random.ts';
import type { Jitter } from '../client-types.ts';
import { createBackoff } from './create-backoff.ts';

const base = { baseDelayMs: 100, multiplier: 2, maxDelayMs: 1_000 };

describe('createBackoff', () => {
  it('none: base * multiplier^(n-1), capped', () => {
    const b = createBackoff({ ...base, jitter: 'none' });
    const r = createRandom(1);
    expect([1, 2, 3, 4, 5, 6].map((n) => b.delay(n, 0, r))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('full: within [0, e(n)] over many draws, and actually spreads', () => {
    const b = createBackoff({ ...base, jitter: 'full' });
    const r = createRandom(7);
    const draws = Array.from({ length: 2_000 }, () => b.delay(3, 0, r));
    for (const d of draws) expect(d).toBeGreaterThanOrEqual(0);
    for (const d of draws) expect(d).toBeLessThanOrEqual(400);
    expect(Math.min(...draws)).toBeLessThan(40);
    expect(Math.max(...draws)).toBeGreaterThan(360);
  });

  it('equal: within [e(n)/2, e(n)]', () => {
    const b = createBackoff({ ...base, jitter: 'equal' });
    const r = createRandom(3);
    for (let i = 0; i < 2_000; i++) {
      const d = b.delay(10, 0, r);
      expect(d).toBeGreaterThanOrEqual(500);
      expect(d).toBeLessThanOrEqual(1_000);
    }
  });

  it('decorrelated: within [base, min(cap, 3 * previous)], base-floored previous', () => {
    const b = createBackoff({ ...base, jitter: 'decorrelated' });
    const r = createRandom(5);
    let prev = 0;
    for (let i = 1; i <= 2_000; i++) {
      const d = b.delay(i, prev, r);
      expect(d).toBeGreaterThanOrEqual(100);
      expect(d).toBeLessThanOrEqual(Math.min(1_000, 3 * Math.max(100, prev)));
      prev = d;
    }
  });

  it.each<Jitter>(['none', 'full', 'equal', 'decorrelated'])(
    '%s: never above the cap, never negative',
    (jitter) => {
      const b = createBackoff({ baseDelayMs: 50, multiplier: 3, maxDelayMs: 700, jitter });
      const r = createRandom(11);
      let prev = 0;
      for (let n = 1; n <= 500; n++) {
        prev = b.delay(n, prev, r);
        expect(prev).toBeGreaterThanOrEqual(0);
        expect(prev).toBeLessThanOrEqual(700);
      }
    },
  );

  it('is deterministic for a seed', () => {
    const b = createBackoff({ ...base, jitter: 'full' });
    const a = [1, 2, 3].map((n) => b.delay(n, 0, createRandom(9)));
    const c = [1, 2, 3].map((n) => b.delay(n, 0, createRandom(9)));
    expect(a).toEqual(c);
  });
});

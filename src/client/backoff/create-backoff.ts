import type { Random } from '../../time/random.ts';
import type { Jitter } from '../client-types.ts';

/** Computes the pause before a retry. Pure apart from the draws it takes from `random`. */
export interface Backoff {
  /**
   * @param retry 1 for the first retry, 2 for the second...
   * @param previousDelayMs the delay returned for the previous retry (0 before the first);
   *   only decorrelated jitter uses it
   * @returns a delay in ms, always in [0, maxDelayMs]
   */
  delay(retry: number, previousDelayMs: number, random: Random): number;
}

export interface BackoffOptions {
  /** First delay, ms. */
  baseDelayMs: number;
  /** Growth per retry. */
  multiplier: number;
  /** Cap on any delay, ms. */
  maxDelayMs: number;
  jitter: Jitter;
}

/**
 * Exponential backoff with one of four jitters (`e(n) = min(cap, base * multiplier^(n-1))`):
 *
 * - `none`: `e(n)`
 * - `full`: `U[0, e(n)]`
 * - `equal`: `e(n)/2 + U[0, e(n)/2]`
 * - `decorrelated` (AWS): `min(cap, U[base, 3 * max(base, previous)])`
 *
 * Options are assumed valid (see resolveRetryOptions).
 *
 * @example
 * const backoff = createBackoff({ baseDelayMs: 100, multiplier: 2, maxDelayMs: 10_000, jitter: 'full' });
 * backoff.delay(3, 0, createRandom(1)); // somewhere in [0, 400]
 */
export function createBackoff(o: BackoffOptions): Backoff {
  const { baseDelayMs: base, multiplier, maxDelayMs: cap, jitter } = o;
  const exponential = (retry: number): number => {
    const raw = base * multiplier ** Math.max(0, retry - 1);
    return Math.min(cap, raw);
  };
  switch (jitter) {
    case 'none':
      return { delay: (retry) => exponential(retry) };
    case 'full':
      return { delay: (retry, _prev, random) => random.next() * exponential(retry) };
    case 'equal':
      return {
        delay(retry, _prev, random) {
          const half = exponential(retry) / 2;
          return half + random.next() * half;
        },
      };
    case 'decorrelated':
      return {
        delay(_retry, previousDelayMs, random) {
          const upper = 3 * Math.max(base, previousDelayMs);
          const drawn = base + random.next() * (upper - base);
          return Math.min(cap, drawn);
        },
      };
  }
}

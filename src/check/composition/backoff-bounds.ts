import type { ResolvedRetryOptions } from '../../client/retry/resolve-retry-options.ts';

/**
 * The range a backoff delay must fall in before retry `retry` (1 = after the first
 * attempt), from the documented formulas (docs/client.md), never above maxDelayMs. The
 * oracle for "backoff grows within its jitter bounds": a statement of the spec, not a copy
 * of createBackoff.
 *
 * @example
 * backoffBounds({ baseDelayMs: 100, multiplier: 2, maxDelayMs: 1000, jitter: 'equal' }, 3, 0); // [200, 400]
 */
export function backoffBounds(
  o: Pick<ResolvedRetryOptions, 'baseDelayMs' | 'multiplier' | 'maxDelayMs' | 'jitter'>,
  retry: number,
  previousDelayMs: number,
): [number, number] {
  const cap = o.maxDelayMs;
  const grown = Math.min(cap, o.baseDelayMs * o.multiplier ** (retry - 1));
  switch (o.jitter) {
    case 'none':
      return [grown, grown];
    case 'full':
      return [0, grown];
    case 'equal':
      return [grown / 2, grown];
    case 'decorrelated':
      return [Math.min(cap, o.baseDelayMs), Math.min(cap, 3 * Math.max(o.baseDelayMs, previousDelayMs))];
  }
}

import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS } from '../../../config/input-limits.ts';
import { createRandom } from '../../../time/random.ts';
import { sampleDelay } from './sample-delay.ts';

describe('sampleDelay', () => {
  it('never returns more than a timer can wait, even from an unbounded distribution', () => {
    const random = createRandom(1);
    const exponential = { exponential: { mean: MAX_TIMER_MS } };
    const normal = { normal: { mean: MAX_TIMER_MS, stddev: MAX_TIMER_MS } };
    const draws = Array.from({ length: 200 }, (_, i) => sampleDelay(i % 2 ? exponential : normal, random));
    expect(Math.max(...draws)).toBe(MAX_TIMER_MS);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
  });
});

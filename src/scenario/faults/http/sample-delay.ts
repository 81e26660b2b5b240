import { MAX_TIMER_MS } from '../../../config/input-limits.ts';
import type { Random } from '../../../time/random.ts';
import type { DelaySpec } from './http-fault-spec.ts';

/**
 * Draws one delay, in ms, from a fixed value or a distribution, using the scenario's seeded
 * Random so a run repeats its delays. Clamped to [0, MAX_TIMER_MS]: the loader bounds the
 * parameters, but a normal or exponential draw can still land past what a timer can wait
 * (it would then fire after 1 ms).
 *
 * @example
 * sampleDelay({ exponential: { mean: 200 } }, random); // e.g. 143.7
 */
export function sampleDelay(spec: DelaySpec, random: Random): number {
  return Math.min(MAX_TIMER_MS, draw(spec, random));
}

function draw(spec: DelaySpec, random: Random): number {
  if (typeof spec === 'number') return Math.max(0, spec);
  if ('uniform' in spec) {
    const [min, max] = spec.uniform;
    return Math.max(0, min + (max - min) * random.next());
  }
  if ('normal' in spec) {
    // Box-Muller; 1 - u keeps the logarithm finite.
    const u1 = 1 - random.next();
    const u2 = random.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.max(0, spec.normal.mean + z * spec.normal.stddev);
  }
  return -spec.exponential.mean * Math.log(1 - random.next());
}

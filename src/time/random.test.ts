import { describe, expect, it } from 'vitest';
import { createRandom, deriveRandom } from './random.ts';

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const r = createRandom(7);
    let below = 0;
    for (let i = 0; i < 10_000; i++) {
      const v = r.next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      if (v < 0.5) below++;
    }
    expect(below).toBeGreaterThan(4_700);
    expect(below).toBeLessThan(5_300);
  });

  it('derives independent streams per label', () => {
    expect(deriveRandom(1, 'jitter').next()).not.toBe(deriveRandom(1, 'toxicity').next());
    expect(deriveRandom(1, 'jitter').next()).toBe(deriveRandom(1, 'jitter').next());
  });
});

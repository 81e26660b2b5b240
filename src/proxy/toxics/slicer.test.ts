import { describe, expect, it } from 'vitest';
import { createRandom } from '../../time/random.ts';
import { slicerToxic, sliceSizes } from './slicer.ts';
import { ToxicHarness } from './toxic-harness.ts';

describe('slicer', () => {
  it('splits into sizes around the average that add up to the whole', () => {
    const sizes = sliceSizes(10_000, 100, 20, createRandom(3));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
    for (const size of sizes) {
      expect(size).toBeGreaterThanOrEqual(1);
      expect(size).toBeLessThanOrEqual(120);
    }
    expect(sizes.length).toBeGreaterThan(50);
  });

  it('passes a chunk no larger than the average whole', () => {
    expect(sliceSizes(80, 100, 0, createRandom(1))).toEqual([80]);
  });

  it('outputs slices with `delay` microseconds between them, bytes intact', async () => {
    const h = new ToxicHarness(slicerToxic({ average_size: 10, size_variation: 0, delay: 5000 }));
    const text = 'abcdefghijklmnopqrstuvwxyz0123456789ABCD';
    h.send(text);
    await h.clock.advance(0);
    expect(h.taken()).toEqual(['abcdefghij']);
    await h.clock.advance(5);
    expect(h.taken()).toEqual(['klmnopqrst']);
    await h.clock.advance(10);
    expect(h.taken().join('')).toBe('uvwxyz0123456789ABCD');
  });

  it('on interrupt hands over the rest of the chunk', async () => {
    const h = new ToxicHarness(slicerToxic({ average_size: 4, size_variation: 0, delay: 1_000_000 }));
    h.send('0123456789abcdef');
    await h.clock.advance(0);
    await h.interrupt();
    expect(h.taken().join('')).toBe('0123456789abcdef');
  });
});

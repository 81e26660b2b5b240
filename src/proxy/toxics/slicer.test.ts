import { describe, expect, it } from 'vitest';
import { createRandom } from '../../time/random.ts';
import { NodeTimerClock } from './node-timer-clock.ts';
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

  it('makes microsecond delays cost what they say on 1 ms timers: 1024 slices × 10 µs ≈ 10 ms', async () => {
    const h = new ToxicHarness(
      slicerToxic({ average_size: 64, size_variation: 0, delay: 10 }),
      1,
      new NodeTimerClock(),
    );
    const body = Buffer.alloc(64 * 1024, 7);
    h.send(body);
    await h.clock.advance(0);
    const first = h.taken();
    // Slices due within the first millisecond go out together, each its own chunk.
    expect(first.length).toBeGreaterThanOrEqual(99);
    expect(first.length).toBeLessThanOrEqual(101);
    await h.clock.advance(10.5);
    const all = [...first, ...h.taken()];
    expect(all.length).toBe(1024);
    expect(all.join('')).toBe(body.toString());
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('does not save idle time as credit: a chunk after a pause is paced from its arrival', async () => {
    const h = new ToxicHarness(
      slicerToxic({ average_size: 1, size_variation: 0, delay: 1000 }),
      1,
      new NodeTimerClock(),
    );
    h.send('ab');
    await h.clock.advance(2);
    expect(h.taken()).toEqual(['a', 'b']);
    await h.clock.advance(100);
    h.send('cd');
    await h.clock.advance(0);
    expect(h.taken()).toEqual(['c']);
    await h.clock.advance(1);
    expect(h.taken()).toEqual(['d']);
  });
});

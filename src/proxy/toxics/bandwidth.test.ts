import { describe, expect, it } from 'vitest';
import { bandwidthToxic } from './bandwidth.ts';
import { ToxicHarness } from './toxic-harness.ts';

describe('bandwidth', () => {
  it('passes data at `rate` KB/s in 100 ms slices', async () => {
    const h = new ToxicHarness(bandwidthToxic({ rate: 10 })); // 10 bytes per ms
    h.send(Buffer.alloc(3000, 1)); // 300 ms worth
    await h.clock.advance(99);
    expect(h.output.size).toBe(0);
    await h.clock.advance(1);
    const first = h.output.drain();
    expect(first.map((c) => c?.data.length)).toEqual([1000]);
    await h.clock.advance(200);
    const rest = h.output.drain();
    expect(rest.reduce((n, c) => n + (c?.data.length ?? 0), 0)).toBe(2000);
    expect(h.clock.now()).toBe(300);
  });

  it('with rate 0 passes data at once', async () => {
    const h = new ToxicHarness(bandwidthToxic({ rate: 0 }));
    h.send('abc');
    await h.clock.advance(0);
    expect(h.taken()).toEqual(['abc']);
  });

  it('delays a small chunk by its size over the rate', async () => {
    const h = new ToxicHarness(bandwidthToxic({ rate: 1 })); // 1 byte per ms
    h.send('x'.repeat(50));
    await h.clock.advance(49);
    expect(h.taken()).toEqual([]);
    await h.clock.advance(1);
    expect(h.taken()).toEqual(['x'.repeat(50)]);
  });

  it('hands over the remaining bytes when interrupted, dropping nothing', async () => {
    const h = new ToxicHarness(bandwidthToxic({ rate: 1 }));
    h.send('y'.repeat(250));
    await h.clock.advance(100);
    await h.interrupt();
    expect(h.taken().join('')).toBe('y'.repeat(250));
  });
});

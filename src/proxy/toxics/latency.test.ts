import { describe, expect, it } from 'vitest';
import { latencyToxic } from './latency.ts';
import { ToxicHarness } from './toxic-harness.ts';

describe('latency', () => {
  it('delays each chunk by the latency, not before', async () => {
    const h = new ToxicHarness(latencyToxic({ latency: 100, jitter: 0 }));
    h.send('a');
    await h.clock.advance(99);
    expect(h.taken()).toEqual([]);
    await h.clock.advance(1);
    expect(h.taken()).toEqual(['a']);
  });

  it('counts the delay from arrival, so queued chunks are not delayed cumulatively', async () => {
    const h = new ToxicHarness(latencyToxic({ latency: 100, jitter: 0 }));
    h.send('a');
    await h.clock.advance(10);
    h.send('b');
    await h.clock.advance(90);
    expect(h.taken()).toEqual(['a']);
    await h.clock.advance(10);
    expect(h.taken()).toEqual(['b']);
  });

  it('adds jitter within ±jitter, the same for the same seed', async () => {
    const delays = async (seed: number) => {
      const h = new ToxicHarness(latencyToxic({ latency: 100, jitter: 50 }), seed);
      const seen: number[] = [];
      for (let i = 0; i < 20; i++) {
        const start = h.clock.now();
        h.send(String(i));
        while (h.output.size === 0) await h.clock.advance(1);
        h.taken();
        seen.push(h.clock.now() - start);
      }
      return seen;
    };
    const a = await delays(7);
    for (const d of a) {
      expect(d).toBeGreaterThanOrEqual(50);
      expect(d).toBeLessThanOrEqual(150);
    }
    expect(new Set(a).size).toBeGreaterThan(1);
    expect(await delays(7)).toEqual(a);
  });

  it('passes EOF on as close', async () => {
    const h = new ToxicHarness(latencyToxic({ latency: 10, jitter: 0 }));
    h.send('a');
    h.end();
    await h.clock.advance(10);
    await h.done;
    expect(h.taken()).toEqual(['a', null]);
  });

  it('on interrupt hands over the chunk it holds without the rest of the delay', async () => {
    const h = new ToxicHarness(latencyToxic({ latency: 1000, jitter: 0 }));
    h.send('held');
    await h.clock.advance(1);
    await h.interrupt();
    expect(h.taken()).toEqual(['held']);
  });
});

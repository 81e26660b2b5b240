import { describe, expect, it } from 'vitest';
import { limitDataToxic } from './limit-data.ts';
import { ToxicHarness } from './toxic-harness.ts';

describe('limit_data', () => {
  it('passes exactly `bytes` bytes, then closes', async () => {
    const h = new ToxicHarness(limitDataToxic({ bytes: 7 }));
    h.send('abcd');
    h.send('efgh');
    h.send('ijkl');
    await h.done;
    expect(h.taken()).toEqual(['abcd', 'efg', null]);
  });

  it('keeps its count across a restart (state survives an update)', async () => {
    const first = new ToxicHarness(limitDataToxic({ bytes: 6 }));
    first.send('abcd');
    await first.clock.advance(0);
    await first.interrupt();
    expect(first.state.sent).toBe(4);
  });
});

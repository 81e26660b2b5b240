import { describe, expect, it } from 'vitest';
import { resetPeerToxic } from './reset-peer.ts';
import { ToxicHarness } from './toxic-harness.ts';

describe('reset_peer', () => {
  it('resets the connection `timeout` ms after the first data, passing nothing', async () => {
    const h = new ToxicHarness(resetPeerToxic({ timeout: 200 }));
    await h.clock.advance(1000);
    expect(h.resets).toBe(0);
    h.send('first');
    await h.clock.advance(199);
    expect(h.resets).toBe(0);
    await h.clock.advance(1);
    await h.done;
    expect(h.resets).toBe(1);
    expect(h.taken()).toEqual([]);
  });

  it('with timeout 0 resets at the first data', async () => {
    const h = new ToxicHarness(resetPeerToxic({ timeout: 0 }));
    h.send('x');
    await h.done;
    expect(h.resets).toBe(1);
  });
});

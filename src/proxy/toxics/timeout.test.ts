import { describe, expect, it } from 'vitest';
import { timeoutToxic } from './timeout.ts';
import { ToxicHarness } from './toxic-harness.ts';

describe('timeout', () => {
  it('drops data and closes after the timeout', async () => {
    const h = new ToxicHarness(timeoutToxic({ timeout: 100 }));
    h.send('lost');
    await h.clock.advance(99);
    expect(h.taken()).toEqual([]);
    await h.clock.advance(1);
    await h.done;
    expect(h.taken()).toEqual([null]);
  });

  it('with timeout 0 never closes on its own', async () => {
    const h = new ToxicHarness(timeoutToxic({ timeout: 0 }));
    h.send('lost');
    await h.clock.advance(60_000);
    expect(h.taken()).toEqual([]);
    expect(h.stub.closed).toBe(false);
    await h.interrupt();
  });

  it('closes at EOF from the source', async () => {
    const h = new ToxicHarness(timeoutToxic({ timeout: 0 }));
    h.end();
    await h.done;
    expect(h.taken()).toEqual([null]);
  });

  it('closes the connection when removed (cleanup)', async () => {
    const toxic = timeoutToxic({ timeout: 0 });
    const h = new ToxicHarness(toxic);
    await h.interrupt();
    toxic.cleanup?.(h.stub);
    expect(h.taken()).toEqual([null]);
  });
});

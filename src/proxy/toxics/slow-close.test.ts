import { describe, expect, it } from 'vitest';
import { slowCloseToxic } from './slow-close.ts';
import { ToxicHarness } from './toxic-harness.ts';

describe('slow_close', () => {
  it('passes data at once and the close only after the delay', async () => {
    const h = new ToxicHarness(slowCloseToxic({ delay: 500 }));
    h.send('data');
    h.end();
    await h.clock.advance(0);
    expect(h.taken()).toEqual(['data']);
    await h.clock.advance(499);
    expect(h.taken()).toEqual([]);
    await h.clock.advance(1);
    await h.done;
    expect(h.taken()).toEqual([null]);
  });
});

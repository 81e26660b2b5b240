import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/manual-clock.ts';
import { LastGoodCache } from './last-good-cache.ts';

const res = (text: string) => ({ status: 200, headers: {}, body: new TextEncoder().encode(text) });

describe('LastGoodCache', () => {
  it('serves an entry up to maxAgeMs old, with its age, and not after', async () => {
    const clock = new ManualClock();
    const cache = new LastGoodCache(clock, 1000);
    cache.store('k', res('a'));
    await clock.advance(1000);
    expect(cache.lookup('k')?.ageMs).toBe(1000);
    await clock.advance(1);
    expect(cache.lookup('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps the newest response per key and restarts its age', async () => {
    const clock = new ManualClock();
    const cache = new LastGoodCache(clock, 1000);
    cache.store('k', res('old'));
    await clock.advance(900);
    cache.store('k', res('new'));
    await clock.advance(500);
    const hit = cache.lookup('k');
    expect(new TextDecoder().decode(hit?.response.body)).toBe('new');
    expect(hit?.ageMs).toBe(500);
  });

  it('evicts the oldest write beyond maxEntries', () => {
    const cache = new LastGoodCache(new ManualClock(), 1000, 2);
    cache.store('a', res('a'));
    cache.store('b', res('b'));
    cache.store('a', res('a2'));
    cache.store('c', res('c'));
    expect(cache.lookup('b')).toBeUndefined();
    expect(cache.lookup('a')).toBeDefined();
    expect(cache.lookup('c')).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/manual-clock.ts';
import { type IssuedToken, OAuth2TokenCache } from './oauth2-token-cache.ts';

function setup(expiresInS: number | null) {
  const clock = new ManualClock();
  const pending: Array<{ resolve(t: IssuedToken): void; reject(e: Error): void }> = [];
  let n = 0;
  const cache = new OAuth2TokenCache(
    () =>
      new Promise<IssuedToken>((resolve, reject) => {
        n++;
        const token = `token-${n}`;
        pending.push({
          resolve: () => resolve({ accessToken: token, expiresInS: expiresInS ?? undefined }),
          reject,
        });
      }),
    clock,
    { refreshSkewMs: 10_000, defaultLifetimeMs: 20_000 },
  );
  return { clock, cache, pending };
}

describe('OAuth2TokenCache', () => {
  it('fetches once for concurrent callers (single-flight) and serves from cache', async () => {
    const { cache, pending } = setup(60);
    const a = cache.get();
    const b = cache.get();
    expect(pending).toHaveLength(1);
    pending[0]!.resolve({ accessToken: '', expiresInS: 0 });
    expect(await a).toBe('token-1');
    expect(await b).toBe('token-1');
    expect(await cache.get()).toBe('token-1');
    expect(cache.fetches).toBe(1);
  });

  it('refreshes refreshSkewMs before expiry', async () => {
    const { clock, cache, pending } = setup(60);
    const first = cache.get();
    pending[0]!.resolve({ accessToken: '', expiresInS: 0 });
    await first;
    await clock.advance(49_999);
    expect(cache.peek()).toBe('token-1');
    await clock.advance(1);
    expect(cache.peek()).toBeUndefined();
    const second = cache.get();
    pending[1]!.resolve({ accessToken: '', expiresInS: 0 });
    expect(await second).toBe('token-2');
  });

  it('reuses a short-lived token for half its lifetime, and uses the default lifetime without expires_in', async () => {
    const short = setup(4);
    const t = short.cache.get();
    short.pending[0]!.resolve({ accessToken: '', expiresInS: 0 });
    await t;
    await short.clock.advance(1_999);
    expect(short.cache.peek()).toBe('token-1');

    const none = setup(null);
    const u = none.cache.get();
    none.pending[0]!.resolve({ accessToken: '', expiresInS: 0 });
    await u;
    await none.clock.advance(9_999);
    expect(none.cache.peek()).toBe('token-1');
    await none.clock.advance(1);
    expect(none.cache.peek()).toBeUndefined();
  });

  it('invalidate drops only the current token; a failed fetch is not cached', async () => {
    const { cache, pending } = setup(60);
    const first = cache.get();
    pending[0]!.resolve({ accessToken: '', expiresInS: 0 });
    await first;
    expect(cache.invalidate('stale')).toBe(false);
    expect(cache.invalidate('token-1')).toBe(true);
    const failed = cache.get();
    pending[1]!.reject(new Error('down'));
    await expect(failed).rejects.toThrow('down');
    const again = cache.get();
    expect(pending).toHaveLength(3);
    pending[2]!.resolve({ accessToken: '', expiresInS: 0 });
    expect(await again).toBe('token-3');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchAdapter } from '../../../src/services/search/search-adapter.ts';
import { SearchUnavailableError } from '../../../src/services/search/search-unavailable-error.ts';
import { ServiceRejectedError } from '../../../src/services/service-rejected-error.ts';
import { type RunningServices, startServices } from '../../../src/services/start-services.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { type FailingServer, startFailingServer } from './failing-server.ts';
import { testClientOptions, timeOutHungCall } from './test-client-options.ts';

let services: RunningServices;
let server: FailingServer;

beforeAll(async () => {
  services = await startServices({ only: ['search'] });
  server = await startFailingServer({ kind: 'forward', to: services.urls.search });
});
afterAll(async () => {
  await server.close();
  await services.close();
});

describe('search adapter', () => {
  it('returns fresh hits from the reference service, sorted by score', async () => {
    const search = createSearchAdapter({ client: testClientOptions('search', services.urls.search) });
    const result = await search.search('circuit breaker', 5);
    await search.close();
    expect(result.stale).toBe(false);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.length).toBeLessThanOrEqual(5);
    const scores = result.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('serves the last good result marked stale within maxStaleMs, and throws beyond it', async () => {
    server.set({ kind: 'forward', to: services.urls.search });
    const clock = new ManualClock();
    const search = createSearchAdapter({
      client: testClientOptions('search', server.url),
      clock,
      maxStaleMs: 30_000,
    });
    const fresh = await search.search('retry', 3);
    server.set({ kind: 'json', status: 503, body: {}, headers: { 'retry-after': '1' } });

    await clock.advance(30_000);
    const stale = await search.search('retry', 3);
    const otherLimit = await search.search('retry', 4).catch((e: unknown) => e);
    await clock.advance(1);
    const tooOld = await search.search('retry', 3).catch((e: unknown) => e);
    await search.close();

    expect(stale).toEqual({ hits: fresh.hits, total: fresh.total, stale: true, ageMs: 30_000 });
    expect(otherLimit).toBeInstanceOf(SearchUnavailableError);
    expect((otherLimit as SearchUnavailableError).staleAgeMs).toBeUndefined();
    expect(tooOld).toBeInstanceOf(SearchUnavailableError);
    expect((tooOld as SearchUnavailableError).code).toBe('FAULTLINE_SEARCH_UNAVAILABLE');
    expect((tooOld as SearchUnavailableError).staleAgeMs).toBe(30_001);
    expect((tooOld as SearchUnavailableError).reason).toBe('FAULTLINE_HTTP_STATUS');
  });

  for (const behaviour of [
    { kind: 'reset' },
    { kind: 'hang' },
    { kind: 'raw', status: 200, body: '{"hits":' },
  ] as const) {
    it(`serves stale on ${behaviour.kind === 'raw' ? 'a truncated body' : behaviour.kind}`, async () => {
      server.set({
        kind: 'json',
        status: 200,
        body: { query: 'q', total: 1, hits: [{ id: 'd1', title: 'T', score: 1 }] },
      });
      const clock = new ManualClock();
      // The client's own clock, so timing out a hung attempt does not age the cache.
      const clientClock = new ManualClock();
      const search = createSearchAdapter({
        client: testClientOptions('search', server.url, { clock: clientClock }),
        clock,
      });
      await search.search('q');
      server.set(behaviour);
      await clock.advance(10);
      const result =
        behaviour.kind === 'hang'
          ? await timeOutHungCall(server, clientClock, () => search.search('q'))
          : await search.search('q');
      await search.close();
      expect(result).toEqual({
        hits: [{ id: 'd1', title: 'T', score: 1 }],
        total: 1,
        stale: true,
        ageMs: 10,
      });
    });
  }

  it('throws FAULTLINE_SEARCH_UNAVAILABLE when nothing was cached', async () => {
    server.set({ kind: 'reset' });
    const search = createSearchAdapter({ client: testClientOptions('search', server.url) });
    const error = await search.search('never seen').catch((e: unknown) => e);
    await search.close();
    expect(error).toBeInstanceOf(SearchUnavailableError);
    expect((error as SearchUnavailableError).reason).toBe('FAULTLINE_NETWORK');
  });

  it('throws ServiceRejectedError on a 400 and never serves it from the cache', async () => {
    server.set({ kind: 'forward', to: services.urls.search });
    const search = createSearchAdapter({ client: testClientOptions('search', server.url) });
    const error = await search.search('x', 1000).catch((e: unknown) => e);
    await search.close();
    expect(error).toBeInstanceOf(ServiceRejectedError);
    expect((error as ServiceRejectedError).status).toBe(400);
  });

  it('sends only q and limit', async () => {
    server.set({ kind: 'json', status: 200, body: { query: 'a b', total: 0, hits: [] } });
    const before = server.requests.length;
    const search = createSearchAdapter({ client: testClientOptions('search', server.url) });
    await search.search('a b', 7);
    await search.close();
    const url = new URL(server.requests[before]?.url ?? '/', 'http://x');
    expect(url.pathname).toBe('/v1/search');
    expect([...url.searchParams.entries()].sort()).toEqual([
      ['limit', '7'],
      ['q', 'a b'],
    ]);
  });
});

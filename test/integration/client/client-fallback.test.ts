import { afterEach, describe, expect, it } from 'vitest';
import type { FallbackEvent, ResilientClient } from '../../../src/client/client-types.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { errorOf, type LoopbackServer, startHttpServer } from './loopback-server.ts';

const servers: LoopbackServer[] = [];
let client: ResilientClient | undefined;

afterEach(async () => {
  await client?.close();
  client = undefined;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(...args: Parameters<typeof startHttpServer>) {
  const s = await startHttpServer(...args);
  servers.push(s);
  return s;
}

describe('client fallbacks', () => {
  it('serves the default value when the call fails', async () => {
    const server = await serve((_req, res) => res.writeHead(503).end());
    client = createClient({
      service: 'default',
      baseUrl: server.url,
      retry: false,
      fallback: { kind: 'default', value: { items: [] } },
    });
    const events: FallbackEvent[] = [];
    client.onFallback((e) => events.push(e));
    const res = await client.request({ path: '/v1/search' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ items: [] });
    expect(res.outcome).toMatchObject({
      fallback: 'default',
      attempts: 1,
      lastErrorCode: 'FAULTLINE_HTTP_STATUS',
    });
    expect(events).toEqual([
      {
        service: 'default',
        requestId: res.outcome.requestId,
        kind: 'default',
        errorCode: 'FAULTLINE_HTTP_STATUS',
      },
    ]);
    expect(client.metrics()).toMatchObject({ fallbacks: 1, successes: 1, failures: 0 });
  });

  it('serves the last good response, marked stale, and nothing for an unseen key', async () => {
    let healthy = true;
    const server = await serve((req, res) => {
      if (healthy)
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: req.url }));
      else res.writeHead(500).end();
    });
    client = createClient({
      service: 'cache',
      baseUrl: server.url,
      retry: false,
      breaker: false,
      fallback: { kind: 'cache', maxAgeMs: 60_000 },
    });
    const fresh = await client.request({ path: '/v1/user', query: { id: 7 } });
    expect(fresh.outcome.fallback).toBeUndefined();
    healthy = false;
    const stale = await client.request({ path: '/v1/user', query: { id: 7 } });
    expect(stale.json()).toEqual({ url: '/v1/user?id=7' });
    expect(stale.outcome).toMatchObject({ fallback: 'cache', stale: true });
    const miss = await errorOf(client.request({ path: '/v1/user', query: { id: 8 } }));
    expect(miss.code).toBe('FAULTLINE_HTTP_STATUS');
  });

  it('does not serve a cache entry older than maxAgeMs', async () => {
    let healthy = true;
    const server = await serve((_req, res) => res.writeHead(healthy ? 200 : 500).end('v'));
    const clock = new ManualClock();
    client = createClient({
      service: 'cache-age',
      baseUrl: server.url,
      retry: false,
      breaker: false,
      fallback: { kind: 'cache', maxAgeMs: 1 },
      clock,
    });
    await client.request({ path: '/' });
    healthy = false;
    await clock.advance(2);
    expect((await errorOf(client.request({ path: '/' }))).code).toBe('FAULTLINE_HTTP_STATUS');
  });

  it('asks the alternate baseUrl once when the primary fails', async () => {
    const primary = await serve((_req, res) => res.writeHead(502).end());
    const alternate = await serve((req, res) => res.writeHead(200).end(`alt ${req.url}`));
    client = createClient({
      service: 'alternate',
      baseUrl: `${primary.url}/api`,
      retry: { maxAttempts: 2, baseDelayMs: 1, budget: false },
      fallback: { kind: 'alternate', baseUrl: `${alternate.url}/mirror` },
    });
    const res = await client.request({ path: '/v1/x' });
    expect(res.text()).toBe('alt /mirror/v1/x');
    expect(res.outcome.fallback).toBe('alternate');
    expect(primary.hits).toBe(2);
    expect(alternate.hits).toBe(1);
  });

  it('never serves a fallback for a caller abort', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    client = createClient({
      service: 'abort-no-fallback',
      baseUrl: server.url,
      fallback: { kind: 'default', value: 1 },
    });
    const controller = new AbortController();
    const pending = client.request({ path: '/', signal: controller.signal });
    await server.hitsReached(1);
    controller.abort();
    expect((await errorOf(pending)).code).toBe('FAULTLINE_ABORTED');
    expect(client.metrics().fallbacks).toBe(0);
  });
});

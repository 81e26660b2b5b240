import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResilientClient } from '../../../src/client/client-types.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { ClientMetricsRegistry } from '../../../src/client/metrics/client-metrics-registry.ts';
import { type MetricsServer, serveMetrics } from '../../../src/client/metrics/serve-metrics.ts';
import { errorOf, type LoopbackServer, startHttpServer } from './loopback-server.ts';

const servers: LoopbackServer[] = [];
const clients: ResilientClient[] = [];
let metricsServer: MetricsServer | undefined;

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await metricsServer?.close();
  metricsServer = undefined;
});

async function serve(...args: Parameters<typeof startHttpServer>) {
  const s = await startHttpServer(...args);
  servers.push(s);
  return s;
}

function client(...args: Parameters<typeof createClient>) {
  const c = createClient(...args);
  clients.push(c);
  return c;
}

describe('bulkhead, rate limit and shared metrics', () => {
  it('bulkhead: runs maxConcurrent, queues maxQueue, rejects the rest without a network call', async () => {
    const held: Array<() => void> = [];
    const server = await serve((_req, res) => held.push(() => res.writeHead(200).end('ok')));
    const c = client({
      service: 'bulkhead',
      baseUrl: server.url,
      bulkhead: { maxConcurrent: 2, maxQueue: 1 },
    });
    const calls = Array.from({ length: 5 }, () =>
      c.request({ path: '/' }).then(
        (r) => r.status,
        (e: { code: string }) => e.code,
      ),
    );
    await server.hitsReached(2);
    expect(server.hits).toBe(2);
    // Finishing one running call lets the queued one go out.
    held.shift()?.();
    await server.hitsReached(3);
    for (const release of held.splice(0)) release();
    expect(await Promise.all(calls)).toEqual([
      200,
      200,
      200,
      'FAULTLINE_BULKHEAD_FULL',
      'FAULTLINE_BULKHEAD_FULL',
    ]);
    expect(server.hits).toBe(3);
    expect(c.metrics().bulkheadRejected).toBe(2);
  });

  it('rate limit: a burst passes, the rest fail fast with FAULTLINE_RATE_LIMITED', async () => {
    const server = await serve((_req, res) => res.writeHead(200).end());
    const c = client({ service: 'limited', baseUrl: server.url, rateLimit: { ratePerSec: 1, burst: 3 } });
    const codes: Array<number | string> = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        await c.request({ path: '/' }).then(
          (r) => r.status,
          (e: { code: string }) => e.code,
        ),
      );
    }
    expect(codes).toEqual([200, 200, 200, 'FAULTLINE_RATE_LIMITED', 'FAULTLINE_RATE_LIMITED']);
    expect(server.hits).toBe(3);
    expect(c.metrics().rateLimited).toBe(2);
  });

  it('rate limit: a 429 Retry-After pauses the bucket', async () => {
    const server = await serve((_req, res) => res.writeHead(429, { 'retry-after': '30' }).end());
    const c = client({
      service: 'paused',
      baseUrl: server.url,
      retry: false,
      rateLimit: { ratePerSec: 1000, burst: 100, maxWaitMs: 10 },
    });
    expect((await errorOf(c.request({ path: '/' }))).code).toBe('FAULTLINE_HTTP_STATUS');
    const err = await errorOf(c.request({ path: '/' }));
    expect(err.code).toBe('FAULTLINE_RATE_LIMITED');
    expect(err.retryAfterMs).toBeGreaterThan(29_000);
    expect(server.hits).toBe(1);
  });

  it('serves the metrics of several clients on /metrics with a service label each', async () => {
    const server = await serve((req, res) => res.writeHead(req.url === '/fail' ? 500 : 200).end());
    const registry = new ClientMetricsRegistry();
    const auth = client({ service: 'auth', baseUrl: server.url, metricsRegistry: registry, retry: false });
    const search = client({
      service: 'search',
      baseUrl: server.url,
      metricsRegistry: registry,
      retry: false,
    });
    await auth.request({ path: '/' });
    await errorOf(search.request({ path: '/fail' }));
    metricsServer = await serveMetrics(registry);
    const res = await request(metricsServer.url);
    const text = await res.body.text();
    expect(res.statusCode).toBe(200);
    expect(text).toContain('faultline_client_calls_total{service="auth"} 1');
    expect(text).toContain(
      'faultline_client_failures_total{service="search",code="FAULTLINE_HTTP_STATUS"} 1',
    );
    await search.close();
    const after = await (await request(metricsServer.url)).body.text();
    expect(after).not.toContain('service="search"');
    expect((await request(metricsServer.url.replace('/metrics', '/other'))).statusCode).toBe(404);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { ResilientClient, ServiceHealth } from '../../../src/client/client-types.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { errorOf, type LoopbackServer, startHttpServer } from './loopback-server.ts';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

async function server(handler: Parameters<typeof startHttpServer>[0]): Promise<LoopbackServer> {
  const s = await startHttpServer(handler);
  cleanup.push(() => s.close());
  return s;
}

function track(client: ResilientClient): ResilientClient {
  cleanup.push(() => client.close());
  return client;
}

const ok = (name: string) => server((_req, res) => res.end(name));

function health(client: ResilientClient): ServiceHealth {
  const h = client.health?.();
  if (h === undefined) throw new Error('client.health() is not wired');
  return h;
}

describe('client with several endpoints', () => {
  it('ejects a failing endpoint, sends traffic to the others, and takes it back after the ejection time', async () => {
    const a = await ok('a');
    const b = await ok('b');
    const sick = await server((_req, res) => res.writeHead(503).end());
    const clock = new ManualClock();
    const client = track(
      createClient({
        service: 'multi',
        baseUrl: 'http://127.0.0.1:1',
        endpoints: [{ url: a.url }, { url: b.url }, { url: sick.url }],
        outlierDetection: { consecutiveFailures: 2, baseEjectionMs: 10_000, maxEjectionPercent: 50 },
        retry: false,
        breaker: false,
        clock,
      }),
    );
    const served: string[] = [];
    for (let i = 0; i < 6; i++) {
      try {
        served.push((await client.request({ path: '/x' })).text());
      } catch (err) {
        served.push((err as { code: string }).code);
      }
    }
    expect(served).toEqual(['a', 'b', 'FAULTLINE_HTTP_STATUS', 'a', 'b', 'FAULTLINE_HTTP_STATUS']);
    expect(sick.hits).toBe(2);
    expect(health(client)).toMatchObject({
      status: 'degraded',
      endpoints: [
        { status: 'healthy' },
        { status: 'healthy' },
        { status: 'ejected', timesEjected: 1, ejectedUntil: 10_000 },
      ],
    });

    for (let i = 0; i < 10; i++) expect(['a', 'b']).toContain((await client.request({ path: '/x' })).text());
    expect(sick.hits).toBe(2);

    await clock.advance(10_000);
    expect(health(client).status).toBe('healthy');
    for (let i = 0; i < 3; i++) await client.request({ path: '/x' }).catch(() => undefined);
    expect(sick.hits).toBe(3);
  });

  it('an endpoint refusing connections counts as failing and is ejected', async () => {
    const a = await ok('a');
    const gone = await ok('gone');
    const goneUrl = gone.url;
    await gone.close();
    const client = track(
      createClient({
        service: 'refused',
        baseUrl: a.url,
        endpoints: [{ url: a.url }, { url: goneUrl }],
        outlierDetection: { consecutiveFailures: 1, maxEjectionPercent: 50 },
        retry: { maxAttempts: 2, baseDelayMs: 1, budget: false },
        breaker: false,
      }),
    );
    // round-robin: the first call goes to a, the second to the dead endpoint and its retry
    // (after a 1 ms backoff on the system clock) to a
    expect((await client.request({ path: '/' })).text()).toBe('a');
    expect((await client.request({ path: '/' })).text()).toBe('a');
    expect(health(client).endpoints[1]!.status).toBe('ejected');
  });

  it('weighted balancing sends each endpoint its share', async () => {
    const a = await ok('a');
    const b = await ok('b');
    const client = track(
      createClient({
        service: 'weighted',
        baseUrl: a.url,
        endpoints: [{ url: a.url, weight: 3 }, { url: b.url }],
        loadBalancing: 'weighted',
        clock: new ManualClock(),
      }),
    );
    for (let i = 0; i < 8; i++) await client.request({ path: '/' });
    expect([a.hits, b.hits]).toEqual([6, 2]);
  });

  it('active health checks take an endpoint out and bring it back', async () => {
    let sickHealth = true;
    const a = await ok('a');
    const b = await server((req, res) => {
      if (req.url === '/healthz') res.writeHead(sickHealth ? 503 : 200).end();
      else res.end('b');
    });
    const clock = new ManualClock();
    const client = track(
      createClient({
        service: 'checked',
        baseUrl: a.url,
        endpoints: [{ url: a.url }, { url: b.url }],
        healthCheck: {
          path: '/healthz',
          intervalMs: 1_000,
          timeoutMs: 60_000,
          unhealthyThreshold: 1,
          healthyThreshold: 1,
        },
        clock,
      }),
    );
    await probeUntil(clock, () => health(client).endpoints[1]!.status === 'unhealthy');
    const before = b.hits;
    for (let i = 0; i < 4; i++) expect((await client.request({ path: '/' })).text()).toBe('a');
    expect(b.hits).toBe(before);
    sickHealth = false;
    await probeUntil(clock, () => health(client).status === 'healthy');
    const served = new Set<string>();
    for (let i = 0; i < 4; i++) served.add((await client.request({ path: '/' })).text());
    expect(served).toEqual(new Set(['a', 'b']));
  });

  it('reports the origin each attempt used in onAttempt (none without endpoints)', async () => {
    const a = await ok('a');
    const b = await ok('b');
    const client = track(
      createClient({
        service: 'multi',
        baseUrl: 'http://127.0.0.1:1',
        endpoints: [{ url: a.url }, { url: b.url }],
        retry: false,
        breaker: false,
      }),
    );
    const origins: Array<string | undefined> = [];
    client.onAttempt((e) => origins.push(e.origin));
    for (let i = 0; i < 4; i++) await client.request({ path: '/x' });
    const originOf = (url: string) => new URL(url).origin;
    expect(origins).toEqual([originOf(a.url), originOf(b.url), originOf(a.url), originOf(b.url)]);

    const single = track(createClient({ service: 'single', baseUrl: a.url, retry: false, breaker: false }));
    const plain: Array<string | undefined> = [];
    single.onAttempt((e) => plain.push(e.origin));
    await single.request({ path: '/x' });
    expect(plain).toEqual([undefined]);
  });

  it('rejects endpoint options naming the field', () => {
    expect(() =>
      createClient({
        service: 's',
        baseUrl: 'http://127.0.0.1:1',
        endpoints: [{ url: 'http://127.0.0.1:2/api' }],
      }),
    ).toThrow(/endpoints\[0\]\.url/);
    expect(() => createClient({ service: 's', baseUrl: 'http://127.0.0.1:1', outlierDetection: {} })).toThrow(
      /outlierDetection/,
    );
  });

  it('health() of a single-origin client reports its breaker', async () => {
    const s = await server((_req, res) => res.writeHead(500).end());
    const client = track(
      createClient({ service: 'one', baseUrl: s.url, retry: false, breaker: { failureThreshold: 1 } }),
    );
    expect(health(client).status).toBe('healthy');
    await errorOf(client.request({ path: '/' }));
    expect(health(client)).toMatchObject({ status: 'unhealthy', breakerState: 'open' });
  });
});

/**
 * Runs probe rounds until `done()`: advances the clock one interval (1 s) to fire a round,
 * then waits until the real probes answered and the prober armed its next round. Probe
 * timeouts (60 s) are never reached this way, however slow the machine.
 */
async function probeUntil(clock: ManualClock, done: () => boolean): Promise<void> {
  for (let i = 0; i < 20 && !done(); i++) {
    await clock.advance(1_000);
    const roundAt = clock.now();
    await clock.whenTimer((at) => at === roundAt + 1_000);
  }
  expect(done()).toBe(true);
}

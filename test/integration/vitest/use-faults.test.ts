import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../src/client/create-client.ts';
import { type FaultProxy, startFaultProxy } from '../../../src/proxy/start-fault-proxy.ts';
import { useFaults } from '../../../src/vitest/use-faults.ts';

function upstream(_req: IncomingMessage, res: ServerResponse) {
  res.end('ok');
}

/** The toxics on every proxy of the admin API at `url`, by proxy name (wire evidence). */
async function toxicsByProxy(url: string): Promise<Record<string, string[]>> {
  const proxies = (await (await fetch(`${url}/proxies`)).json()) as Record<
    string,
    { enabled: boolean; toxics: Array<{ name: string }> }
  >;
  return Object.fromEntries(Object.entries(proxies).map(([name, p]) => [name, p.toxics.map((t) => t.name)]));
}

describe('useFaults on the embedded fault proxy', () => {
  const faults = useFaults({ upstreams: { dep: upstream } });
  const call = async () => {
    const client = createClient({
      service: 'dep',
      baseUrl: faults.url('dep'),
      interceptors: [faults.interceptor],
      retry: false,
      breaker: false,
      timeoutMs: 5_000,
    });
    try {
      return await client.request({ path: '/x' });
    } finally {
      await client.close();
    }
  };

  it.fails('a failing test that applied faults', async () => {
    await faults.apply('dep', {
      tcp: { toxic: 'latency', attributes: { latency: 10 } },
      http: { status: 503 },
    });
    expect(Object.values(await toxicsByProxy(faults.session.toxiproxyUrl)).flat()).toHaveLength(1);
    throw new Error('the test fails after applying faults');
  });

  it('finds the faults of the failed test undone', async () => {
    expect(Object.values(await toxicsByProxy(faults.session.toxiproxyUrl)).flat()).toEqual([]);
    const res = await call();
    expect(res.status).toBe(200);
  });

  let appliedBeforeTimeout = false;
  it.fails('a test that times out with a toxic applied', { timeout: 2_000 }, async () => {
    await faults.apply('dep', { tcp: { toxic: 'latency', attributes: { latency: 10 } } });
    appliedBeforeTimeout = true;
    await new Promise(() => {}); // never settles: the test times out
  });

  it('finds the toxic of the timed-out test removed', async () => {
    expect(appliedBeforeTimeout).toBe(true); // the toxic was in force when the test timed out
    expect(Object.values(await toxicsByProxy(faults.session.toxiproxyUrl)).flat()).toEqual([]);
  });

  it('with() undoes its faults when the block throws, and rethrows', async () => {
    await expect(
      faults.with('dep', { http: { status: 503 } }, async () => {
        await expect(call()).rejects.toMatchObject({ code: 'FAULTLINE_HTTP_STATUS' });
        throw new Error('block failed');
      }),
    ).rejects.toThrow('block failed');
    expect((await call()).status).toBe(200);
  });

  it('records what reached the upstream: injected answers never do', async () => {
    const before = faults.requests('dep').length;
    await faults.with('dep', { http: { status: 503 } }, () => expect(call()).rejects.toThrow());
    expect(faults.requests('dep')).toHaveLength(before);
    await call();
    expect(
      faults
        .requests('dep')
        .slice(before)
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual(['GET /x']);
  });

  it('rejects a bad fault with the field and the expectation, applying nothing', async () => {
    await expect(
      faults.apply('dep', {
        tcp: { toxic: 'latency', attributes: { latency: 10 } },
        http: { status: 503, rate: 2 },
      }),
    ).rejects.toThrow('Failed to apply faults: dep.http[0].rate: expected');
    await expect(faults.apply('dep', { http: { status: 503, rate: 2 } })).rejects.toMatchObject({
      code: 'FAULTLINE_INVALID_OPTIONS',
      field: 'dep.http[0].rate',
      received: 2,
    });
    await expect(faults.apply('dep', { tcp: { toxic: 'latncy' } })).rejects.toThrow(
      'dep.tcp[0].toxic: expected a toxic type (one of latency,',
    );
    expect(Object.values(await toxicsByProxy(faults.session.toxiproxyUrl)).flat()).toEqual([]);
  });

  it('names the dependencies when given an unknown one', async () => {
    await expect(faults.apply('nope', { http: { status: 500 } })).rejects.toThrow('expected one of dep');
  });
});

describe('useFaults on a Toxiproxy given by URL', () => {
  let toxiproxy: FaultProxy;
  beforeAll(async () => {
    toxiproxy = await startFaultProxy({ port: 0 });
  });
  // Registered before useFaults, so it runs after useFaults' own afterAll (hooks unwind as a stack).
  afterAll(async () => {
    expect(Object.keys(await toxicsByProxy(toxiproxy.url))).toEqual([]);
    await toxiproxy.close();
  });
  const faults = useFaults({
    upstreams: { dep: upstream },
    get toxiproxyUrl() {
      return toxiproxy.url;
    },
  });

  it('creates its proxy on that Toxiproxy', async () => {
    expect(faults.session.toxiproxyUrl).toBe(toxiproxy.url);
    expect(Object.keys(await toxicsByProxy(toxiproxy.url))).toEqual([
      expect.stringMatching(new RegExp(`^faultline-vitest-${process.pid}-\\d+-dep$`)),
    ]);
  });
});

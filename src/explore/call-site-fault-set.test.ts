import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpFaultProxy } from '../http-proxy/start-http-fault-proxy.ts';
import { systemClock } from '../time/system-clock.ts';
import { CallSiteFaultSet } from './call-site-fault-set.ts';
import { groupEndpoints } from './endpoint.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

describe('CallSiteFaultSet', () => {
  it('puts the fault on exactly the n-th request of the endpoint; other requests and endpoints pass through', async () => {
    let upstreamRequests = 0;
    const upstream = createServer((req, res) => {
      upstreamRequests++;
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url }));
    });
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    closers.push(async () => {
      upstream.closeAllConnections();
      upstream.close();
    });
    const endpoints = groupEndpoints([
      { description: 'a charge', method: 'POST', path: '/charges', status: 201, headers: {} },
    ]);
    const faults = new CallSiteFaultSet(systemClock, endpoints, [
      { endpoint: 'POST /charges', occurrence: 2, spec: { status: 429, retryAfter: 1 } },
    ]);
    const proxy = await startHttpFaultProxy({
      upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      faults,
    });
    closers.push(() => proxy.close());

    const statuses: Array<[number, string | null]> = [];
    for (const path of ['/charges', '/health', '/charges', '/charges']) {
      const res = await fetch(`${proxy.url}${path}`, { method: path === '/health' ? 'GET' : 'POST' });
      await res.arrayBuffer();
      statuses.push([res.status, res.headers.get('retry-after')]);
    }

    expect(statuses).toEqual([
      [201, null],
      [201, null],
      [429, '1'],
      [201, null],
    ]);
    expect(upstreamRequests).toBe(3);
    expect(faults.reached).toEqual([true]);
  });

  it('reports a target that never came as not reached', () => {
    const faults = new CallSiteFaultSet(
      systemClock,
      [],
      [{ endpoint: 'POST /charges', occurrence: 1, spec: { status: 500 } }],
    );
    expect(faults.reached).toEqual([false]);
  });
});

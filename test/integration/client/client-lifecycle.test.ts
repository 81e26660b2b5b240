import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/client/create-client.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';
import { errorOf, startHttpServer } from './loopback-server.ts';

const closeLater = closeAfterEach();

function activeHandles(): number {
  return (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().length;
}

describe('client keep-alive and close', () => {
  it('reuses one keep-alive connection for sequential calls', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(200).end('ok')));
    const client = closeLater(createClient({ service: 'keep-alive', baseUrl: server.url }));
    for (let i = 0; i < 20; i++) expect((await client.request({ path: '/' })).status).toBe(200);
    expect(server.hits).toBe(20);
    // undici frees a pipelining-1 connection only a setImmediate after its response ends
    // (client-h1: "wait a full event loop cycle to reuse this socket"), so the second
    // back-to-back call opens one more; from then on the two are reused. Without
    // keep-alive this would be 20.
    expect(server.connections).toBeLessThanOrEqual(2);
  });

  it('never opens more than `connections` sockets under concurrency', async () => {
    const server = closeLater(
      await startHttpServer((_req, res) => setTimeout(() => res.writeHead(200).end('ok'), 5)),
    );
    const client = closeLater(createClient({ service: 'pool', baseUrl: server.url, connections: 3 }));
    const results = await Promise.all(Array.from({ length: 30 }, () => client.request({ path: '/' })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(server.connections).toBeLessThanOrEqual(3);
    expect(server.connections).toBeGreaterThanOrEqual(1);
  });

  it('close() releases every socket and timer', async () => {
    const before = activeHandles();
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(200).end('ok')));
    const clock = new ManualClock();
    const client = closeLater(createClient({ service: 'close', baseUrl: server.url, clock, connections: 4 }));
    await Promise.all(Array.from({ length: 8 }, () => client.request({ path: '/' })));
    expect(server.openSockets()).toBeGreaterThan(0);
    await client.close();
    await server.allSocketsClosed();
    expect(server.openSockets()).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    await server.close();
    expect(activeHandles()).toBeLessThanOrEqual(before);
  });

  it('close() aborts calls in flight with FAULTLINE_ABORTED and rejects later calls', async () => {
    const server = closeLater(
      await startHttpServer(() => {
        /* never answers */
      }),
    );
    const client = closeLater(createClient({ service: 'closing', baseUrl: server.url, timeoutMs: 10_000 }));
    const failed = errorOf(client.request({ path: '/' }));
    await server.hitsReached(1);
    await client.close();
    expect((await failed).code).toBe('FAULTLINE_ABORTED');
    expect((await errorOf(client.request({ path: '/' }))).code).toBe('FAULTLINE_ABORTED');
  });
});

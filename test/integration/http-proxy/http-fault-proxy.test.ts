import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startHttpFaultProxy } from '../../../src/http-proxy/start-http-fault-proxy.ts';
import { HttpFaultSet } from '../../../src/scenario/faults/http/http-fault-set.ts';
import { type WireEntry, WireLog } from '../../../src/scenario/wire/wire-log.ts';
import { deriveRandom } from '../../../src/time/random.ts';
import { systemClock } from '../../../src/time/system-clock.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';

const closeLater = closeAfterEach();

/** A loopback upstream that echoes method, path, the tag header and the request body. */
async function startUpstream(onRequest?: (req: IncomingMessage, res: ServerResponse) => boolean) {
  const server: Server = createServer((req, res) => {
    if (onRequest?.(req, res)) return;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'yes' });
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          call: req.headers['x-faultline-call'] ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
          padding: 'x'.repeat(2000),
        }),
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** A proxy in front of `upstream` whose wire log resolves `next()` with each recorded exchange. */
async function startProxy(upstream: string) {
  const entries: WireEntry[] = [];
  const waiters: Array<(e: WireEntry) => void> = [];
  const wire = new WireLog({
    clock: systemClock,
    onEntry: (e) => {
      entries.push(e);
      waiters.shift()?.(e);
    },
  });
  const faults = new HttpFaultSet({ clock: systemClock, random: deriveRandom(7, 'http-faults') });
  const proxy = closeLater(await startHttpFaultProxy({ upstream, faults, wire }));
  const next = (): Promise<WireEntry> => new Promise((resolve) => waiters.push(resolve));
  return { proxy, faults, entries, next };
}

describe('startHttpFaultProxy', () => {
  it('forwards what no fault answers, streaming the request body, and logs it as reaching the upstream', async () => {
    const upstream = closeLater(await startUpstream());
    const { proxy, next } = await startProxy(upstream.url);
    const logged = next();
    const res = await request(`${proxy.url}/v1/things?q=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-faultline-call': 'c7', 'idempotency-key': 'k-1' },
      body: JSON.stringify({ hello: 'world' }),
    });
    const body = (await res.body.json()) as { method: string; url: string; call: string; body: string };
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-upstream']).toBe('yes');
    expect(body).toMatchObject({
      method: 'POST',
      url: '/v1/things?q=1',
      call: 'c7',
      body: '{"hello":"world"}',
    });
    expect(await logged).toMatchObject({
      method: 'POST',
      path: '/v1/things',
      status: 200,
      upstream: true,
      call: 'c7',
      idempotencyKey: 'k-1',
      end: 'complete',
    });
  });

  it('answers a status fault with Retry-After for the first N requests, then passes through', async () => {
    const upstream = closeLater(await startUpstream());
    const { proxy, faults, next } = await startProxy(upstream.url);
    faults.apply([{ firstN: 1, status: 503, retryAfter: 2 }]);
    const first = next();
    const a = await request(`${proxy.url}/x`, { headers: { 'x-faultline-call': 'c1' } });
    expect(a.statusCode).toBe(503);
    expect(a.headers['retry-after']).toBe('2');
    await a.body.dump();
    expect(await first).toMatchObject({ status: 503, retryAfter: '2', upstream: false, call: 'c1' });
    const second = next();
    const b = await request(`${proxy.url}/x`);
    expect(b.statusCode).toBe(200);
    await b.body.dump();
    expect(await second).toMatchObject({ status: 200, upstream: true });
  });

  it('resets the connection for a networkError fault', async () => {
    const upstream = closeLater(await startUpstream());
    const { proxy, faults, next } = await startProxy(upstream.url);
    faults.apply([{ networkError: true }]);
    const logged = next();
    await expect(request(`${proxy.url}/x`)).rejects.toThrow();
    expect(await logged).toMatchObject({ upstream: false, end: 'error' });
    expect((await logged).status).toBeUndefined();
  });

  it('truncates the real body after N bytes and then resets', async () => {
    const upstream = closeLater(await startUpstream());
    const { proxy, faults, next } = await startProxy(upstream.url);
    faults.apply([{ truncateBody: { bytes: 10 } }]);
    const logged = next();
    // The reset comes with (or right after) the head: either way the client never gets the body.
    await expect(request(`${proxy.url}/x`).then((res) => res.body.text())).rejects.toThrow();
    expect(await logged).toMatchObject({ status: 200, upstream: true, end: 'error' });
  });

  it('malforms the real body so it no longer parses as JSON', async () => {
    const upstream = closeLater(await startUpstream());
    const { proxy, faults } = await startProxy(upstream.url);
    faults.apply([{ malformedBody: true }]);
    const res = await request(`${proxy.url}/x`);
    const text = await res.body.text();
    expect(text).toContain('<<faultline:malformed');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('logs a hung request the client abandons as client-closed, and aborts its upstream request', async () => {
    let arrived!: (socket: { closed: Promise<unknown> }) => void;
    const upstreamHasIt = new Promise<{ closed: Promise<unknown> }>((resolve) => {
      arrived = resolve;
    });
    const upstream = closeLater(
      await startUpstream((req) => {
        arrived({ closed: once(req.socket, 'close') });
        return true; // never answers
      }),
    );
    const { proxy, next } = await startProxy(upstream.url);
    const logged = next();
    const abort = new AbortController();
    const pending = request(`${proxy.url}/hang`, {
      signal: abort.signal,
      headers: { 'x-faultline-call': 'c3' },
    });
    // Abort once the upstream has the request (the proxy forwarded it).
    const upstreamClosed = await upstreamHasIt;
    abort.abort();
    await expect(pending).rejects.toThrow();
    expect(await logged).toMatchObject({ path: '/hang', upstream: true, end: 'client-closed', call: 'c3' });
    await upstreamClosed.closed;
  });

  it('delays with an injected latency and the delay is cut when the client gives up', async () => {
    const upstream = closeLater(await startUpstream());
    const { proxy, faults, next } = await startProxy(upstream.url);
    faults.apply([{ delayMs: 60_000 }]);
    const logged = next();
    const pending = request(`${proxy.url}/slow`, { headersTimeout: 50 });
    await expect(pending).rejects.toThrow();
    const entry = await logged;
    expect(entry).toMatchObject({ upstream: false, end: 'client-closed' });
    expect(entry.durationMs).toBeLessThan(60_000);
  });
});

import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVICE_NAMES } from '../../../src/services/service-names.ts';
import { type RunningServices, startServices } from '../../../src/services/start-services.ts';

describe('startServices', () => {
  let services: RunningServices | undefined;
  afterEach(async () => {
    await services?.close();
    services = undefined;
  });

  it('starts all five on free loopback ports with health endpoints', async () => {
    services = await startServices();
    expect(Object.keys(services.urls).sort()).toEqual([...SERVICE_NAMES].sort());
    for (const name of SERVICE_NAMES) {
      const url = services.urls[name];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${url}/health`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await res.json()).toEqual({ status: 'ok', service: name });
    }
  });

  it('serves real requests, echoes X-Request-ID and replays idempotent sends', async () => {
    services = await startServices({ only: ['notify', 'search'] });
    expect(Object.keys(services.urls).sort()).toEqual(['notify', 'search']);
    const search = await fetch(`${services.urls.search}/v1/search?q=retry&limit=1`, {
      headers: { 'x-request-id': 'req-42' },
    });
    expect(search.headers.get('x-request-id')).toBe('req-42');
    expect(((await search.json()) as { hits: unknown[] }).hits).toHaveLength(1);

    const send = () =>
      fetch(`${services?.urls.notify}/v1/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'abc' },
        body: JSON.stringify({ userId: 'u-1', channel: 'push', message: 'hi' }),
      });
    const first = await send();
    const second = await send();
    const firstBody = (await first.json()) as { id: string };
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(((await second.json()) as { id: string }).id).toBe(firstBody.id);
  });

  it('answers 413 to a body over 1 MiB', async () => {
    services = await startServices({ only: ['analytics'] });
    const { hostname, port } = new URL(services.urls.analytics);
    // A raw request, so the 413 arrives even though the server stops reading the body.
    const req = httpRequest({ host: hostname, port, method: 'POST', path: '/v1/events' });
    req.setHeader('content-type', 'application/json');
    req.setHeader('content-length', String(2 * 1024 * 1024));
    req.on('error', () => {});
    req.write('x'.repeat(1024));
    const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    req.destroy();
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(Buffer.concat(chunks).toString()).error.code).toBe('payload_too_large');
  });

  it('accepts provider states only when started with states', async () => {
    services = await startServices({ only: ['search'], states: true });
    const post = (state: string) =>
      fetch(`${services?.urls.search}/_faultline/state`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state, params: {}, action: 'setup' }),
      });
    expect((await post('search is overloaded')).status).toBe(200);
    const shed = await fetch(`${services.urls.search}/v1/search?q=x`);
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    const unknown = await post('search is on fire');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      '"search is on fire"',
    );

    await services.close();
    services = await startServices({ only: ['search'] });
    expect((await post('search is overloaded')).status).toBe(404);
  });

  it('fails clearly when a port is taken and closes what it started', async () => {
    const blocker = await startServices({ only: ['auth'] });
    try {
      const port = Number(new URL(blocker.urls.auth).port);
      // portBase such that the second service (auth, index 1) lands on the taken port.
      await expect(startServices({ portBase: port - 2 })).rejects.toMatchObject({
        code: 'FAULTLINE_SERVE_FAILED',
        message: expect.stringContaining(`port ${port} is already in use`),
      });
    } finally {
      await blocker.close();
    }
  });
});

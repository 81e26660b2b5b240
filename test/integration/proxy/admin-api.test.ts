import { once } from 'node:events';
import { type AddressInfo, connect, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProxyConfig } from '../../../src/proxy/proxy-config.ts';
import { startFaultProxy } from '../../../src/proxy/start-fault-proxy.ts';
import { api, startEcho, startProxy, Teardown } from './proxy-fixtures.ts';

const teardown = new Teardown();
afterEach(() => teardown.run());

describe('fault proxy admin API (plain HTTP)', () => {
  it('404s unknown paths and 405s wrong methods as gorilla/mux does, then keeps serving', async () => {
    const proxy = await startProxy(teardown);
    const unknown = await api(proxy, 'GET', '/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toBe('text/plain; charset=utf-8');
    expect(unknown.text).toBe('404 page not found\n');
    const wrongMethod = await api(proxy, 'DELETE', '/proxies');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.text).toBe('');
    expect((await api(proxy, 'PUT', '/proxies/x/toxics')).status).toBe(405);
    expect((await api(proxy, 'GET', '/version')).status).toBe(200);
  });

  it('creates a proxy (201) with enabled defaulting to true and the real listen address', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const res = await api(proxy, 'POST', '/proxies', {
      name: 'a',
      listen: '127.0.0.1:0',
      upstream: echo.address,
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['name', 'listen', 'upstream', 'enabled', 'toxics']);
    expect(res.body).toMatchObject({ name: 'a', upstream: echo.address, enabled: true, toxics: [] });
    expect(res.body.listen).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(res.body.listen).not.toBe('127.0.0.1:0');
    expect(res.text.endsWith('}')).toBe(true);
  });

  it('rejects bad proxy bodies with Toxiproxy messages', async () => {
    const proxy = await startProxy(teardown);
    expect((await api(proxy, 'POST', '/proxies', '')).text).toBe(
      '{"error":"bad request body: EOF","status":400}\n',
    );
    const syntax = await api(proxy, 'POST', '/proxies', '{nope');
    expect(syntax.status).toBe(400);
    expect(syntax.body.error).toMatch(/^bad request body: invalid character/);
    expect((await api(proxy, 'POST', '/proxies', { upstream: 'x:1' })).body).toEqual({
      error: 'missing required field: name',
      status: 400,
    });
    expect((await api(proxy, 'POST', '/proxies', { name: 'a' })).body).toEqual({
      error: 'missing required field: upstream',
      status: 400,
    });
    const wrongType = await api(proxy, 'POST', '/proxies', { name: 5, upstream: 'x:1' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error).toMatch(/^bad request body: json: cannot unmarshal number/);
  });

  it('409s a duplicate proxy and 500s a listen address in use, in Go words', async () => {
    const proxy = await startProxy(teardown);
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    teardown.push(() => {
      blocker.close();
    });
    const busy = `127.0.0.1:${(blocker.address() as AddressInfo).port}`;
    expect(
      (await api(proxy, 'POST', '/proxies', { name: 'a', listen: '127.0.0.1:0', upstream: 'x:1' })).status,
    ).toBe(201);
    expect((await api(proxy, 'POST', '/proxies', { name: 'a', upstream: 'x:1' })).body).toEqual({
      error: 'proxy already exists',
      status: 409,
    });
    const inUse = await api(proxy, 'POST', '/proxies', { name: 'b', listen: busy, upstream: 'x:1' });
    expect(inUse.body).toEqual({ error: `listen tcp ${busy}: bind: address already in use`, status: 500 });
    expect((await api(proxy, 'GET', '/proxies/b')).status).toBe(404);
  });

  it('shows, updates (POST and PATCH keep unspecified fields) and deletes a proxy', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    await api(proxy, 'POST', '/proxies', { name: 'p', listen: '127.0.0.1:0', upstream: echo.address });
    expect((await api(proxy, 'GET', '/proxies/missing')).body).toEqual({
      error: 'proxy not found',
      status: 404,
    });
    const disabled = await api(proxy, 'PATCH', '/proxies/p', { enabled: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ enabled: false, upstream: echo.address });
    const enabled = await api(proxy, 'POST', '/proxies/p', { enabled: true });
    expect(enabled.body.enabled).toBe(true);
    expect((await api(proxy, 'POST', '/proxies/p', '{')).status).toBe(400);
    const all = await api(proxy, 'GET', '/proxies');
    expect(Object.keys(all.body)).toEqual(['p']);
    expect((await api(proxy, 'DELETE', '/proxies/p')).status).toBe(204);
    expect((await api(proxy, 'DELETE', '/proxies/p')).status).toBe(404);
  });

  it('checks toxic creation in Toxiproxy order: proxy, body, stream, type, name', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    expect((await api(proxy, 'POST', '/proxies/none/toxics', '{')).body).toEqual({
      error: 'proxy not found',
      status: 404,
    });
    await api(proxy, 'POST', '/proxies', { name: 'p', listen: '127.0.0.1:0', upstream: echo.address });
    expect((await api(proxy, 'POST', '/proxies/p/toxics', '{')).status).toBe(400);
    expect(
      (await api(proxy, 'POST', '/proxies/p/toxics', { type: 'nope', stream: 'sideways' })).body,
    ).toEqual({
      error: 'stream was invalid, can be either upstream or downstream',
      status: 400,
    });
    expect((await api(proxy, 'POST', '/proxies/p/toxics', { type: 'nope' })).body).toEqual({
      error: 'invalid toxic type',
      status: 400,
    });
    const created = await api(proxy, 'POST', '/proxies/p/toxics', {
      type: 'latency',
      attributes: { latency: 5 },
    });
    expect(created.status).toBe(200);
    expect(created.text).toBe(
      '{"attributes":{"latency":5,"jitter":0},"name":"latency_downstream","type":"latency","stream":"downstream","toxicity":1}',
    );
    expect((await api(proxy, 'POST', '/proxies/p/toxics', { type: 'latency' })).body).toEqual({
      error: 'toxic already exists',
      status: 409,
    });
  });

  it('accepts the stream case-insensitively, echoes it, and lists upstream toxics first', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    await api(proxy, 'POST', '/proxies', { name: 'p', listen: '127.0.0.1:0', upstream: echo.address });
    await api(proxy, 'POST', '/proxies/p/toxics', { type: 'slicer' });
    const up = await api(proxy, 'POST', '/proxies/p/toxics', {
      type: 'bandwidth',
      stream: 'UpStream',
      toxicity: 0.5,
    });
    expect(up.body).toEqual({
      attributes: { rate: 0 },
      name: 'bandwidth_UpStream',
      type: 'bandwidth',
      stream: 'UpStream',
      toxicity: 0.5,
    });
    const list = await api(proxy, 'GET', '/proxies/p/toxics');
    expect(list.body.map((t: { name: string }) => t.name)).toEqual([
      'bandwidth_UpStream',
      'slicer_downstream',
    ]);
    expect(list.body[1].attributes).toEqual({ average_size: 0, size_variation: 0, delay: 0 });
    const shown = await api(proxy, 'GET', '/proxies/p');
    expect(shown.body.toxics).toHaveLength(2);
  });

  it('updates a toxic by merging attributes and keeping toxicity; 404s unknown toxics', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    await api(proxy, 'POST', '/proxies', { name: 'p', listen: '127.0.0.1:0', upstream: echo.address });
    await api(proxy, 'POST', '/proxies/p/toxics', {
      name: 'lag',
      type: 'latency',
      toxicity: 0.25,
      attributes: { latency: 100, jitter: 10 },
    });
    const updated = await api(proxy, 'PATCH', '/proxies/p/toxics/lag', { attributes: { jitter: 20 } });
    expect(updated.body).toEqual({
      attributes: { latency: 100, jitter: 20 },
      name: 'lag',
      type: 'latency',
      stream: 'downstream',
      toxicity: 0.25,
    });
    const again = await api(proxy, 'POST', '/proxies/p/toxics/lag', {
      toxicity: 1,
      type: 'timeout',
      name: 'x',
    });
    expect(again.body).toMatchObject({ name: 'lag', type: 'latency', toxicity: 1 });
    expect((await api(proxy, 'GET', '/proxies/p/toxics/nope')).body).toEqual({
      error: 'toxic not found',
      status: 404,
    });
    expect((await api(proxy, 'PATCH', '/proxies/p/toxics/nope', {})).status).toBe(404);
    expect((await api(proxy, 'DELETE', '/proxies/p/toxics/lag')).status).toBe(204);
    expect((await api(proxy, 'DELETE', '/proxies/p/toxics/lag')).body).toEqual({
      error: 'toxic not found',
      status: 404,
    });
  });

  it('populates: validates every entry first, keeps identical proxies, replaces changed ones', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const bad = await api(proxy, 'POST', '/populate', [
      { name: 'one', listen: '127.0.0.1:0', upstream: echo.address },
      { name: 'two', listen: '127.0.0.1:0' },
    ]);
    expect(bad.body).toEqual({
      error: 'missing required field: upstream at proxy 2',
      status: 400,
      proxies: null,
    });
    expect((await api(proxy, 'GET', '/proxies')).body).toEqual({});
    expect((await api(proxy, 'POST', '/populate', [{ upstream: 'x:1' }])).body.error).toBe(
      'missing required field: name at proxy 1',
    );
    const ok = await api(proxy, 'POST', '/populate', [
      { name: 'one', listen: '127.0.0.1:0', upstream: echo.address },
    ]);
    expect(ok.status).toBe(201);
    const listen = ok.body.proxies[0].listen;
    const same = await api(proxy, 'POST', '/populate', [{ name: 'one', listen, upstream: echo.address }]);
    expect(same.body.proxies[0].listen).toBe(listen);
    const replaced = await api(proxy, 'POST', '/populate', [
      { name: 'one', listen: '127.0.0.1:0', upstream: 'x:2' },
    ]);
    expect(replaced.body.proxies[0].upstream).toBe('x:2');
  });

  it('reset re-enables every proxy and removes every toxic', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    await api(proxy, 'POST', '/proxies', { name: 'p', listen: '127.0.0.1:0', upstream: echo.address });
    await api(proxy, 'POST', '/proxies/p/toxics', { type: 'latency' });
    await api(proxy, 'POST', '/proxies/p', { enabled: false });
    const reset = await api(proxy, 'POST', '/reset');
    expect(reset.status).toBe(204);
    expect(reset.text).toBe('');
    expect((await api(proxy, 'GET', '/proxies/p')).body).toMatchObject({ enabled: true, toxics: [] });
  });
});

describe('startFaultProxy', () => {
  it('creates the proxies given as config, and closes them with the server', async () => {
    const echo = await startEcho(teardown);
    const proxy = await startFaultProxy({
      port: 0,
      config: [{ name: 'cfg', listen: '127.0.0.1:0', upstream: echo.address }],
    });
    const shown = await api(proxy, 'GET', '/proxies/cfg');
    expect(shown.body).toMatchObject({ name: 'cfg', enabled: true, upstream: echo.address });
    const port = Number(String(shown.body.listen).split(':').pop());
    await proxy.close();
    const refused = connect(port, '127.0.0.1');
    const [err] = (await once(refused, 'error')) as [NodeJS.ErrnoException];
    expect(err.code).toBe('ECONNREFUSED');
  });

  it('rejects invalid options and configs with typed errors', async () => {
    await expect(startFaultProxy({ port: 70_000 })).rejects.toMatchObject({
      code: 'FAULTLINE_INVALID_OPTIONS',
    });
    await expect(
      startFaultProxy({ port: 0, config: [{ name: 'x' } as unknown as ProxyConfig] }),
    ).rejects.toMatchObject({ code: 'FAULTLINE_PROXY_CONFIG_INVALID' });
  });

  it('restarts a proxy on a new upstream when the upstream changes', async () => {
    const proxy = await startProxy(teardown);
    const first = await startEcho(teardown);
    const second = createServer((socket) => socket.end('second'));
    second.listen(0, '127.0.0.1');
    await once(second, 'listening');
    teardown.push(() => {
      second.close();
    });
    const created = await api(proxy, 'POST', '/proxies', {
      name: 'p',
      listen: '127.0.0.1:0',
      upstream: first.address,
    });
    const secondAddress = `127.0.0.1:${(second.address() as AddressInfo).port}`;
    const updated = await api(proxy, 'POST', '/proxies/p', { upstream: secondAddress });
    expect(updated.body).toMatchObject({
      listen: created.body.listen,
      upstream: secondAddress,
      enabled: true,
    });
    const socket = connect(Number(String(created.body.listen).split(':').pop()), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    await once(socket, 'close');
    expect(Buffer.concat(chunks).toString()).toBe('second');
  });
});

import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH } from '../../../src/proxy/api/addressable-name.ts';
import { type FaultProxy, startFaultProxy } from '../../../src/proxy/start-fault-proxy.ts';
import { api, connectTo, readBytes, startEcho, startProxy, Teardown } from './proxy-fixtures.ts';

const teardown = new Teardown();
afterEach(() => teardown.run());

/** One admin request; returns status, headers and the exact body text. */
async function raw(
  proxy: FaultProxy,
  method: string,
  path: string,
  body?: string,
  headers?: Record<string, string>,
) {
  const res = await fetch(`${proxy.url}${path}`, {
    method,
    ...(body !== undefined ? { body } : {}),
    headers,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function blockedPort(): Promise<number> {
  const blocker = createServer().listen(0, '127.0.0.1');
  await once(blocker, 'listening');
  teardown.push(() => {
    blocker.close();
  });
  return (blocker.address() as AddressInfo).port;
}

describe('fault proxy speaks Toxiproxy 2.12 byte for byte', () => {
  it('puts a distinct X-Toxiproxy-Request-Id on every response, errors included', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const answers = [
      await raw(proxy, 'GET', '/version'),
      await raw(
        proxy,
        'POST',
        '/proxies',
        JSON.stringify({ name: 'p', listen: '127.0.0.1:0', upstream: echo.address }),
      ),
      await raw(proxy, 'GET', '/proxies/missing'),
      await raw(proxy, 'GET', '/nope'),
      await raw(proxy, 'PUT', '/proxies'),
      await raw(proxy, 'DELETE', '/proxies/p'),
      await raw(proxy, 'GET', '/version', undefined, { 'User-Agent': 'Mozilla/5.0' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 201, 404, 404, 405, 204, 403]);
    const ids = answers.map((a) => a.headers.get('x-toxiproxy-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-v]{20}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses browsers (User-Agent Mozilla/...) with 403 before doing anything: no cross-site changes', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const browser = {
      'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0',
      'Content-Type': 'text/plain',
    };
    const create = await raw(
      proxy,
      'POST',
      '/proxies',
      JSON.stringify({ name: 'evil', listen: '127.0.0.1:0', upstream: echo.address }),
      browser,
    );
    expect(create.status).toBe(403);
    expect(create.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(create.text).toBe('User agent not allowed\n');
    expect((await raw(proxy, 'POST', '/reset', '', browser)).status).toBe(403);
    expect((await raw(proxy, 'GET', '/proxies', undefined, browser)).status).toBe(403);
    // Nothing was created; a non-browser client (curl, the Go and Node clients) is served.
    const list = await raw(proxy, 'GET', '/proxies', undefined, { 'User-Agent': 'curl/8.5.0' });
    expect(list.status).toBe(200);
    expect(list.text).toBe('{}');
  });

  it('answers GET /version exactly as Toxiproxy writes it', async () => {
    const proxy = await startProxy(teardown);
    const res = await raw(proxy, 'GET', '/version');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(res.text).toBe('{"version": "2.12.0"}\n');
  });

  it('answers API errors as Go http.Error: text/plain, nosniff, the JSON text and a newline', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const notFound = await raw(proxy, 'GET', '/proxies/missing');
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(notFound.headers.get('x-content-type-options')).toBe('nosniff');
    expect(notFound.text).toBe('{"error":"proxy not found","status":404}\n');
    const body = JSON.stringify({ name: 'p', listen: '127.0.0.1:0', upstream: echo.address });
    await raw(proxy, 'POST', '/proxies', body);
    const conflict = await raw(proxy, 'POST', '/proxies', body);
    expect(conflict.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(conflict.text).toBe('{"error":"proxy already exists","status":409}\n');
    const port = await blockedPort();
    const inUse = await raw(
      proxy,
      'POST',
      '/proxies',
      JSON.stringify({ name: 'q', listen: `127.0.0.1:${port}`, upstream: 'x:1' }),
    );
    expect(inUse.status).toBe(500);
    expect(inUse.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(inUse.text).toBe(
      `{"error":"listen tcp 127.0.0.1:${port}: bind: address already in use","status":500}\n`,
    );
  });

  it('writes success JSON compact, as application/json, without a trailing newline', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const created = await raw(
      proxy,
      'POST',
      '/proxies',
      JSON.stringify({ name: 'p', listen: '127.0.0.1:0', upstream: echo.address }),
    );
    const listen = JSON.parse(created.text).listen as string;
    const proxyText = `{"name":"p","listen":"${listen}","upstream":"${echo.address}","enabled":true,"toxics":[]}`;
    expect(created.text).toBe(proxyText);
    expect(created.headers.get('content-type')).toBe('application/json');
    expect((await raw(proxy, 'GET', '/proxies/p')).text).toBe(proxyText);
    expect((await raw(proxy, 'GET', '/proxies')).text).toBe(`{"p":${proxyText}}`);
    expect((await raw(proxy, 'GET', '/proxies/p/toxics')).text).toBe('[]');
    const populated = await raw(
      proxy,
      'POST',
      '/populate',
      JSON.stringify([{ name: 'p', listen, upstream: echo.address }]),
    );
    expect(populated.headers.get('content-type')).toBe('application/json');
    expect(populated.text).toBe(`{"proxies":[${proxyText}]}`);
    const refused = await raw(proxy, 'POST', '/populate', JSON.stringify([{ name: 'x' }]));
    expect(refused.status).toBe(400);
    expect(refused.text).toBe(
      '{"error":"missing required field: upstream at proxy 1","status":400,"proxies":null}',
    );
  });

  it('answers a body over 1 MiB with 413 and the JSON error (not a reset), then keeps serving', async () => {
    const proxy = await startProxy(teardown);
    const res = await raw(proxy, 'POST', '/proxies', `{"name":"${'a'.repeat(2 * 1024 * 1024)}"}`);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual({
      error: 'request body too large: the admin API accepts at most 1048576 bytes',
      status: 413,
    });
    expect((await raw(proxy, 'GET', '/proxies')).text).toBe('{}');
  });

  it('rejects at creation a proxy or toxic name no URL can address afterwards', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const create = (name: string) =>
      api(proxy, 'POST', '/proxies', { name, listen: '127.0.0.1:0', upstream: echo.address });
    for (const name of ['..', '.', 'a/b', 'x'.repeat(200_000)]) {
      const res = await create(name);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/^invalid name: proxy name ".*" cannot be used in a URL/);
    }
    const populate = await api(proxy, 'POST', '/populate', [
      { name: 'fine', listen: '127.0.0.1:0', upstream: echo.address },
      { name: '..', listen: '127.0.0.1:0', upstream: echo.address },
    ]);
    expect(populate.status).toBe(400);
    expect(populate.body.error).toMatch(/ at proxy 2 cannot be used in a URL/);
    expect((await api(proxy, 'GET', '/proxies')).body).toEqual({});
    // The longest name allowed can be created, addressed and deleted.
    const longest = 'n'.repeat(MAX_NAME_LENGTH);
    expect((await create(longest)).status).toBe(201);
    expect((await api(proxy, 'GET', `/proxies/${longest}`)).body.name).toBe(longest);
    const toxic = await api(proxy, 'POST', `/proxies/${longest}/toxics`, { name: '..', type: 'latency' });
    expect(toxic.status).toBe(400);
    expect(toxic.body.error).toMatch(/^invalid name: toxic name/);
    expect((await api(proxy, 'DELETE', `/proxies/${longest}`)).status).toBe(204);
  });

  it('keeps an unchanged proxy on POST /populate (localhost = 127.0.0.1), with its toxics and live connections', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const created = await api(proxy, 'POST', '/proxies', {
      name: 'db',
      listen: '127.0.0.1:0',
      upstream: echo.address,
    });
    const port = Number(String(created.body.listen).split(':').pop());
    await api(proxy, 'POST', '/proxies/db/toxics', { type: 'slicer', attributes: { average_size: 3 } });
    const live = await connectTo(port, teardown);
    live.write('before');
    await readBytes(live, 6);

    const populated = await api(proxy, 'POST', '/populate', [
      { name: 'db', listen: `localhost:${port}`, upstream: echo.address },
    ]);
    expect(populated.status).toBe(201);
    expect(populated.body.proxies[0].listen).toBe(`127.0.0.1:${port}`);
    const shown = await api(proxy, 'GET', '/proxies/db');
    expect(shown.body.toxics.map((t: { type: string }) => t.type)).toEqual(['slicer']);
    // The connection opened before still goes through: the proxy was not restarted.
    const reply = readBytes(live, 5);
    live.write('after');
    expect((await reply).toString()).toBe('after');
  });

  it('names the resolved address in a listen error (localhost → 127.0.0.1)', async () => {
    const proxy = await startProxy(teardown);
    const port = await blockedPort();
    const res = await api(proxy, 'POST', '/proxies', {
      name: 'b',
      listen: `localhost:${port}`,
      upstream: 'x:1',
    });
    expect(res.status).toBe(500);
    expect(res.body.error).toBe(`listen tcp 127.0.0.1:${port}: bind: address already in use`);
  });

  it('prints /metrics labels in Toxiproxy order (direction, listener, proxy, upstream); runtime metrics on request', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const created = await api(proxy, 'POST', '/proxies', {
      name: 'p',
      listen: '127.0.0.1:0',
      upstream: echo.address,
    });
    const listen = created.body.listen as string;
    const socket = await connectTo(Number(listen.split(':').pop()), teardown);
    socket.write('hello');
    await readBytes(socket, 5);
    const text = (await raw(proxy, 'GET', '/metrics')).text;
    expect(text).toContain(
      `toxiproxy_proxy_sent_bytes_total{direction="upstream",listener="${listen}",proxy="p",upstream="${echo.address}"} 5\n`,
    );
    expect(text).toContain(
      `toxiproxy_proxy_received_bytes_total{direction="downstream",listener="${listen}",proxy="p",upstream="${echo.address}"} 5\n`,
    );
    expect(text).not.toContain('process_cpu_seconds_total');

    const withRuntime = await startFaultProxy({ port: 0, runtimeMetrics: true });
    teardown.push(() => withRuntime.close());
    const runtime = (await raw(withRuntime, 'GET', '/metrics')).text;
    expect(runtime).toMatch(/^process_cpu_seconds_total \d/m);
    expect(runtime).toMatch(/^process_start_time_seconds \d/m);
  });

  it('decodes bodies as Go does: the first value only, and Go type names in errors', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const created = await raw(
      proxy,
      'POST',
      '/proxies',
      `{"name":"b","listen":"127.0.0.1:0","upstream":"${echo.address}"} junk`,
    );
    expect(created.status).toBe(201);
    await api(proxy, 'POST', '/proxies', { name: 'a', listen: '127.0.0.1:0', upstream: echo.address });
    // Go's json.Marshal writes map keys sorted, whatever the creation order.
    expect(Object.keys(JSON.parse((await raw(proxy, 'GET', '/proxies')).text))).toEqual(['a', 'b']);
    expect((await raw(proxy, 'POST', '/proxies', '{"name":"a" "b"}')).text).toBe(
      `{"error":"bad request body: invalid character '\\"' after object key:value pair","status":400}\n`,
    );
    expect((await api(proxy, 'POST', '/populate', [{ name: 5 }])).body.error).toBe(
      'bad request body: json: cannot unmarshal number into Go struct field .name of type string',
    );
    expect((await api(proxy, 'POST', '/proxies/a/toxics', { type: 'nope', attributes: 5 })).body.error).toBe(
      'bad request body: json: cannot unmarshal number into Go struct field ToxicWrapper.attributes of type toxics.NoopToxic',
    );
    await api(proxy, 'POST', '/proxies/a/toxics', { type: 'latency' });
    expect(
      (await api(proxy, 'PATCH', '/proxies/a/toxics/latency_downstream', { toxicity: 'x' })).body.error,
    ).toBe('bad request body: json: cannot unmarshal string into Go struct field .toxicity of type float32');
  });
});

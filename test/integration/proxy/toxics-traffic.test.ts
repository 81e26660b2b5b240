import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import {
  api,
  connectTo,
  createProxy,
  readAll,
  readBytes,
  startEcho,
  startProxy,
  Teardown,
  untilQuiet,
} from './proxy-fixtures.ts';

const teardown = new Teardown();
afterEach(() => teardown.run());

/** A server that writes `reply` to each client, then ends its side. */
async function startReplyServer(reply: string): Promise<string> {
  const server = createServer({ allowHalfOpen: false }, (socket) => {
    socket.on('error', () => {});
    socket.end(reply);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  teardown.push(async () => {
    server.close();
    await once(server, 'close');
  });
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function setup(toxic?: Record<string, unknown>) {
  const proxy = await startProxy(teardown);
  const echo = await startEcho(teardown);
  const port = await createProxy(proxy, 'p', echo.address);
  if (toxic !== undefined) {
    const res = await api(proxy, 'POST', '/proxies/p/toxics', toxic);
    expect(res.status).toBe(200);
  }
  return { proxy, port, echo };
}

async function roundTrip(socket: Socket, message: string): Promise<{ reply: string; ms: number }> {
  const start = performance.now();
  socket.write(message);
  const reply = await readBytes(socket, Buffer.byteLength(message));
  return { reply: reply.toString(), ms: performance.now() - start };
}

describe('fault proxy traffic through toxics', () => {
  it('passes bytes both ways unchanged without toxics', async () => {
    const { port } = await setup();
    const socket = await connectTo(port, teardown);
    const payload = Buffer.alloc(2 * 1024 * 1024, 7).toString('latin1');
    const { reply } = await roundTrip(socket, payload);
    expect(reply).toBe(payload);
  });

  it('latency delays the reply by at least the latency', async () => {
    const { port } = await setup({ type: 'latency', attributes: { latency: 150 } });
    const socket = await connectTo(port, teardown);
    const { reply, ms } = await roundTrip(socket, 'ping');
    expect(reply).toBe('ping');
    expect(ms).toBeGreaterThanOrEqual(145);
  });

  it('applies a toxic added, and stops applying one removed, while a connection is live', async () => {
    const { proxy, port } = await setup();
    const socket = await connectTo(port, teardown);
    expect((await roundTrip(socket, 'one')).reply).toBe('one');
    await api(proxy, 'POST', '/proxies/p/toxics', {
      name: 'lag',
      type: 'latency',
      attributes: { latency: 200 },
    });
    const slowed = await roundTrip(socket, 'two');
    expect(slowed.reply).toBe('two');
    expect(slowed.ms).toBeGreaterThanOrEqual(195);
    await api(proxy, 'POST', '/proxies/p/toxics', {
      type: 'limit_data',
      stream: 'upstream',
      attributes: { bytes: 1e6 },
    });
    await api(proxy, 'DELETE', '/proxies/p/toxics/lag');
    expect((await roundTrip(socket, 'three')).reply).toBe('three');
  });

  it('bandwidth limits the rate and keeps the bytes intact', async () => {
    const { port } = await setup({ type: 'bandwidth', attributes: { rate: 100 } }); // 100 KB/s
    const socket = await connectTo(port, teardown);
    const payload = 'b'.repeat(50_000); // 500 ms at 100 KB/s
    const { reply, ms } = await roundTrip(socket, payload);
    expect(reply).toBe(payload);
    expect(ms).toBeGreaterThanOrEqual(400);
  });

  it('slow_close delays the close by at least the delay', async () => {
    const proxy = await startProxy(teardown);
    const port = await createProxy(proxy, 'p', await startReplyServer('bye'));
    await api(proxy, 'POST', '/proxies/p/toxics', { type: 'slow_close', attributes: { delay: 200 } });
    const start = performance.now();
    const socket = await connectTo(port, teardown);
    const { data } = await readAll(socket);
    expect(data.toString()).toBe('bye');
    expect(performance.now() - start).toBeGreaterThanOrEqual(195);
  });

  it('timeout swallows data and closes the connection after the timeout', async () => {
    const { port } = await setup({ type: 'timeout', attributes: { timeout: 200 } });
    const start = performance.now();
    const socket = await connectTo(port, teardown);
    const closed = readAll(socket);
    socket.write('hello');
    const { data } = await closed;
    expect(data.length).toBe(0);
    expect(performance.now() - start).toBeGreaterThanOrEqual(195);
  });

  it('timeout 0 holds the connection open; removing the toxic closes it', async () => {
    const { proxy, port, echo } = await setup({ name: 'hold', type: 'timeout', attributes: { timeout: 0 } });
    const upstream = once(echo.server, 'connection') as Promise<[Socket]>;
    const socket = await connectTo(port, teardown);
    const closed = readAll(socket);
    socket.write('hello');
    // The bytes went through the proxy; the echo sends them back into the toxic.
    const [upstreamSocket] = await upstream;
    await once(upstreamSocket, 'data');
    await api(proxy, 'GET', '/proxies/p');
    expect(socket.destroyed).toBe(false);
    await api(proxy, 'DELETE', '/proxies/p/toxics/hold');
    const { data } = await closed;
    expect(data.length).toBe(0);
  });

  it('reset_peer resets the connection: the client sees ECONNRESET', async () => {
    const { port } = await setup({ type: 'reset_peer', attributes: { timeout: 50 } });
    const socket = await connectTo(port, teardown);
    const closed = readAll(socket);
    socket.write('hello');
    const { error } = await closed;
    expect(error?.code).toBe('ECONNRESET');
  });

  it('slicer splits data into many small writes, bytes intact', async () => {
    // 1 ms between slices: slices due within the same millisecond leave back to back
    // (see the slicer's schedule), so a shorter delay need not show as separate reads.
    const { port } = await setup({
      type: 'slicer',
      attributes: { average_size: 64, size_variation: 16, delay: 1000 },
    });
    const socket = await connectTo(port, teardown);
    let events = 0;
    socket.on('data', () => events++);
    const payload = 's'.repeat(4096);
    const { reply } = await roundTrip(socket, payload);
    expect(reply).toBe(payload);
    expect(events).toBeGreaterThan(4);
  });

  it('limit_data passes that many bytes, then closes', async () => {
    const { port } = await setup({ type: 'limit_data', attributes: { bytes: 10 } });
    const socket = await connectTo(port, teardown);
    const closed = readAll(socket);
    socket.write('0123456789abcdefghij');
    const { data } = await closed;
    expect(data.toString()).toBe('0123456789');
  });

  it('toxicity 0 never applies the toxic and toxicity 1 always does', async () => {
    const { proxy, port } = await setup({
      name: 'cut',
      type: 'limit_data',
      toxicity: 0,
      attributes: { bytes: 2 },
    });
    const untouched = await connectTo(port, teardown);
    expect((await roundTrip(untouched, 'hello')).reply).toBe('hello');
    await api(proxy, 'POST', '/proxies/p/toxics/cut', { toxicity: 1 });
    const cut = await connectTo(port, teardown);
    const closed = readAll(cut);
    cut.write('hello');
    expect((await closed).data.toString()).toBe('he');
  });

  it('draws toxicity from the seed: the same seed affects the same connections', async () => {
    const pattern = async (seed: number): Promise<string> => {
      const local = new Teardown();
      try {
        const proxy = await startProxy(local, seed);
        const echo = await startEcho(local);
        const port = await createProxy(proxy, 'p', echo.address);
        await api(proxy, 'POST', '/proxies/p/toxics', {
          type: 'limit_data',
          toxicity: 0.5,
          attributes: { bytes: 1 },
        });
        let out = '';
        for (let i = 0; i < 12; i++) {
          const socket = await connectTo(port, local);
          const closed = readAll(socket);
          socket.end('xy');
          out += (await closed).data.length === 1 ? 'T' : '.';
        }
        return out;
      } finally {
        await local.run();
      }
    };
    const first = await pattern(42);
    expect(first).toMatch(/T/);
    expect(first).toMatch(/\./);
    expect(await pattern(42)).toBe(first);
  });

  it('a disabled proxy refuses connections and cuts live ones', async () => {
    const { proxy, port } = await setup();
    const live = await connectTo(port, teardown);
    const liveClosed = readAll(live);
    await api(proxy, 'POST', '/proxies/p', { enabled: false });
    await liveClosed;
    const refused = connect(port, '127.0.0.1');
    const [err] = (await once(refused, 'error').catch((e: unknown) => [e])) as [NodeJS.ErrnoException];
    expect(err.code).toBe('ECONNREFUSED');
  });

  it('closes the client connection when the upstream is down', async () => {
    const proxy = await startProxy(teardown);
    const free = createServer().listen(0, '127.0.0.1');
    await once(free, 'listening');
    const deadAddress = `127.0.0.1:${(free.address() as AddressInfo).port}`;
    free.close();
    await once(free, 'close');
    const port = await createProxy(proxy, 'dead', deadAddress);
    const socket = await connectTo(port, teardown);
    const { data } = await readAll(socket);
    expect(data.length).toBe(0);
    expect((await api(proxy, 'GET', '/version')).status).toBe(200);
  });

  it('survives an abrupt client disconnect mid-transfer', async () => {
    const { proxy, port, echo } = await setup({ type: 'latency', attributes: { latency: 20 } });
    const upstream = once(echo.server, 'connection') as Promise<[Socket]>;
    const socket = await connectTo(port, teardown);
    socket.write('x'.repeat(100_000));
    const [upstreamSocket] = await upstream;
    socket.resetAndDestroy();
    // The proxy saw the disconnect once it closed its upstream side.
    // (Not `once`: an EPIPE of the echo's write-back on the way would reject it.)
    await new Promise((resolve) => upstreamSocket.once('close', resolve));
    const again = await connectTo(port, teardown);
    expect((await roundTrip(again, 'still here')).reply).toBe('still here');
    expect((await api(proxy, 'GET', '/proxies/p')).status).toBe(200);
  });

  it('/metrics counts the bytes sent through a proxy', async () => {
    const { proxy, port } = await setup();
    const metric = async () => {
      const text = (await api(proxy, 'GET', '/metrics')).text;
      const line = text
        .split('\n')
        .find(
          (l) =>
            l.startsWith('toxiproxy_proxy_sent_bytes_total{direction="upstream",listener=') &&
            l.includes(',proxy="p",'),
        );
      return line === undefined ? 0 : Number(line.split(' ').pop());
    };
    const before = await metric();
    const socket = await connectTo(port, teardown);
    await roundTrip(socket, 'z'.repeat(1234));
    expect((await metric()) - before).toBe(1234);
  });
});

describe('fault proxy backpressure', () => {
  for (const mode of ['piped', 'through toxics'] as const) {
    it(`does not buffer a large body the client does not read (${mode})`, async () => {
      const proxy = await startProxy(teardown);
      let upstreamSocket: Socket | undefined;
      // The upstream writes 64 KiB at a time, only when its socket drains: `pumped` is
      // then what the proxy has taken (plus kernel buffers), bounded at 64 MiB.
      const total = 64 * 1024 * 1024;
      let pumped = 0;
      const chunk = Buffer.alloc(64 * 1024, 1);
      const server = createServer((socket) => {
        upstreamSocket = socket;
        socket.on('error', () => {});
        const pump = () => {
          while (pumped < total && !socket.destroyed) {
            pumped += chunk.length;
            if (!socket.write(chunk)) return void socket.once('drain', pump);
          }
        };
        pump();
      });
      const upstreamConnected = once(server, 'connection');
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      teardown.push(async () => {
        upstreamSocket?.destroy();
        server.close();
        await once(server, 'close');
      });
      const port = await createProxy(proxy, 'big', `127.0.0.1:${(server.address() as AddressInfo).port}`);
      if (mode === 'through toxics') {
        await api(proxy, 'POST', '/proxies/big/toxics', { type: 'bandwidth', attributes: { rate: 0 } });
      }
      const socket = await connectTo(port, teardown);
      socket.pause();
      await upstreamConnected;
      await untilQuiet(() => pumped, total);
      expect(upstreamSocket).toBeDefined();
      // Kernel buffers hold a few MiB; reading the whole 64 MiB would mean no backpressure.
      expect(pumped).toBeGreaterThan(0);
      expect(pumped).toBeLessThan(24 * 1024 * 1024);
    });
  }
});

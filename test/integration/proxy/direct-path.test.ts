import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  api,
  connectTo,
  createProxy,
  readBytes,
  startEcho,
  startProxy,
  Teardown,
  untilQuiet,
} from './proxy-fixtures.ts';

const teardown = new Teardown();
afterEach(() => teardown.run());

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('fault proxy direct path (no toxics)', () => {
  it('does not buffer a large upload the upstream does not read', async () => {
    const proxy = await startProxy(teardown);
    let upstreamSocket: Socket | undefined;
    const server = createServer((socket) => {
      upstreamSocket = socket;
      socket.on('error', () => {});
      socket.pause();
    });
    const upstreamConnected = once(server, 'connection');
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    teardown.push(async () => {
      upstreamSocket?.destroy();
      server.close();
      await once(server, 'close');
    });
    const port = await createProxy(proxy, 'up', `127.0.0.1:${(server.address() as AddressInfo).port}`);
    const socket = await connectTo(port, teardown);
    const chunk = Buffer.alloc(64 * 1024, 2);
    const total = 64 * 1024 * 1024;
    let pushed = 0;
    const pump = () => {
      while (pushed < total && !socket.destroyed) {
        pushed += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    pump();
    await upstreamConnected;
    await untilQuiet(() => pushed, total);
    expect(upstreamSocket).toBeDefined();
    // Kernel buffers hold a few MiB; taking all 64 MiB would mean no backpressure.
    expect(pushed).toBeLessThan(24 * 1024 * 1024);
  });

  it('keeps a large echoed stream intact when a toxic is added mid-transfer', async () => {
    const proxy = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const port = await createProxy(proxy, 'p', echo.address);
    const socket = await connectTo(port, teardown);
    const body = Buffer.alloc(8 * 1024 * 1024);
    for (let i = 0; i < body.length; i += 4) body.writeUInt32LE(i, i);
    const received = readBytes(socket, body.length);
    const echoing = once(socket, 'data');
    socket.write(body.subarray(0, body.length / 2));
    await echoing; // mid-transfer: the first half is on its way back
    await api(proxy, 'POST', '/proxies/p/toxics', { type: 'latency', attributes: { latency: 1 } });
    socket.write(body.subarray(body.length / 2));
    expect(sha(await received)).toBe(sha(body));
  });
});

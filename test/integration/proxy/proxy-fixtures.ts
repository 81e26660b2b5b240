import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { setImmediate } from 'node:timers/promises';
import { type FaultProxy, startFaultProxy } from '../../../src/proxy/start-fault-proxy.ts';

/** Closes what a test opened, in reverse order. */
export class Teardown {
  private readonly undo: Array<() => Promise<void> | void> = [];
  push(fn: () => Promise<void> | void): void {
    this.undo.push(fn);
  }
  async run(): Promise<void> {
    while (this.undo.length > 0) await this.undo.pop()!();
  }
}

export async function startProxy(teardown: Teardown, seed = 1): Promise<FaultProxy> {
  const proxy = await startFaultProxy({ port: 0, seed });
  teardown.push(() => proxy.close());
  return proxy;
}

/** A TCP echo server on 127.0.0.1 port 0. */
export async function startEcho(teardown: Teardown): Promise<{ server: Server; address: string }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.pipe(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  teardown.push(async () => {
    for (const s of sockets) s.destroy();
    server.close();
    await once(server, 'close');
  });
  return { server, address: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** An HTTP server answering GET /big with `size` deterministic bytes, and anything else with "ok". */
export async function startHttp(
  teardown: Teardown,
  size: number,
): Promise<{ address: string; sha256: string }> {
  const body = Buffer.alloc(size);
  for (let i = 0; i < size; i++) body[i] = (i * 31 + (i >> 8)) & 0xff;
  const server: HttpServer = createHttpServer((req, res) => {
    if (req.url === '/big') res.end(body);
    else res.end('ok');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  teardown.push(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    sha256: createHash('sha256').update(body).digest('hex'),
  };
}

/** POSTs JSON (or a raw string) to the admin API and returns status and parsed body. */
export async function api(
  proxy: FaultProxy,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: response bodies of many shapes, read field by field in tests
): Promise<{ status: number; body: any; text: string; contentType: string | null }> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(`${proxy.url}${path}`, init);
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text, contentType: res.headers.get('content-type') };
}

/** Creates a proxy on a free loopback port; returns its listen port. */
export async function createProxy(proxy: FaultProxy, name: string, upstream: string): Promise<number> {
  const res = await api(proxy, 'POST', '/proxies', { name, listen: '127.0.0.1:0', upstream });
  if (res.status !== 201) throw new Error(`create proxy: ${res.status} ${res.text}`);
  return Number(String(res.body.listen).split(':').pop());
}

export async function connectTo(port: number, teardown: Teardown): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  teardown.push(() => {
    socket.destroy();
  });
  await once(socket, 'connect');
  return socket;
}

/** Collects everything a socket receives until it ends or errors; resolves with the bytes and how it ended. */
export function readAll(socket: Socket): Promise<{ data: Buffer; error: NodeJS.ErrnoException | undefined }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let error: NodeJS.ErrnoException | undefined;
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e) => {
      error = e;
    });
    socket.on('close', () => resolve({ data: Buffer.concat(chunks), error }));
  });
}

/** Resolves with the first `n` bytes received. */
export function readBytes(socket: Socket, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let got = 0;
    const onData = (c: Buffer) => {
      chunks.push(c);
      got += c.length;
      if (got >= n) {
        socket.off('data', onData);
        resolve(Buffer.concat(chunks));
      }
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`closed after ${got} of ${n} bytes`)));
  });
}

/**
 * Waits until `progress()` stops moving: unchanged over `quietTurns` consecutive event-loop
 * turns (each turn runs every I/O callback already due), or until it reaches `limit`.
 *
 * Backpressure tests use it instead of a sleep. The proxy runs in this process: while it keeps
 * reading, bytes move between two turns whatever the machine's load, and once backpressure
 * stops it they stay put. A wall-clock sleep would instead measure the machine: too short on a
 * busy one, the transfer has not even started. Bounded: `progress` only grows, up to `limit`.
 */
export async function untilQuiet(progress: () => number, limit: number, quietTurns = 200): Promise<void> {
  let last = progress();
  let quiet = 0;
  while (quiet < quietTurns && last < limit) {
    await setImmediate();
    const now = progress();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

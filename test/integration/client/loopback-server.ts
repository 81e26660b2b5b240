import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Server, type Socket } from 'node:net';

/** What a test can see of a server: hits, connections, and open sockets. */
export interface LoopbackServer {
  url: string;
  /** Requests received (HTTP) or connections accepted (raw TCP). */
  hits: number;
  /** Resolves once at least `n` hits arrived (before the handler answers the n-th). */
  hitsReached(n: number): Promise<void>;
  /** Headers of every HTTP request received, in order. */
  requests: IncomingMessage['headers'][];
  /** Connections accepted so far. */
  connections: number;
  /** Connections closed so far. */
  closed: number;
  /** Connections not yet closed. */
  openSockets(): number;
  /** Resolves once at least `n` connections have closed. */
  socketsClosed(n: number): Promise<void>;
  /** Resolves once every accepted socket has closed. */
  allSocketsClosed(): Promise<void>;
  close(): Promise<void>;
}

/** A count that only grows, and promises that resolve once it reaches a value. */
class Tally {
  value = 0;
  private readonly waiters: Array<{ n: number; resolve: () => void }> = [];

  bump(): number {
    this.value++;
    for (const w of this.waiters.filter((x) => x.n <= this.value)) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve();
    }
    return this.value;
  }

  reached(n: number): Promise<void> {
    return this.value >= n ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ n, resolve }));
  }
}

interface State {
  connections: number;
  closed: Tally;
}

function track(server: Server, state: State, sockets: Set<Socket>, waiters: Array<() => void>) {
  server.on('connection', (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => {
      state.closed.bump();
      sockets.delete(socket);
      if (sockets.size === 0) for (const w of waiters.splice(0)) w();
    });
  });
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function wrap(server: Server, sockets: Set<Socket>, waiters: Array<() => void>) {
  const state: State = { connections: 0, closed: new Tally() };
  track(server, state, sockets, waiters);
  const port = await listen(server);
  return { port, state };
}

function controls(server: Server, state: State, sockets: Set<Socket>, waiters: Array<() => void>) {
  return {
    socketsClosed: (n: number) => state.closed.reached(n),
    openSockets: () => sockets.size,
    allSocketsClosed: () =>
      sockets.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
    /** Idempotent: a test may close the server itself before the teardown does. */
    close: async () => {
      for (const s of sockets) s.destroy();
      if (!server.listening) return;
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * Listens on 127.0.0.1:0 and fills in `result` (created before the server so its request
 * handler can count hits): the url, the counters and the controls.
 */
async function expose(
  server: Server,
  result: LoopbackServer,
  hits: Tally,
  requests: IncomingMessage['headers'][],
): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const waiters: Array<() => void> = [];
  const { port, state } = await wrap(server, sockets, waiters);
  Object.defineProperty(result, 'connections', { get: () => state.connections });
  Object.defineProperty(result, 'closed', { get: () => state.closed.value });
  Object.defineProperty(result, 'hits', { get: () => hits.value });
  return Object.assign(result, {
    url: `http://127.0.0.1:${port}`,
    hitsReached: (n: number) => hits.reached(n),
    requests,
    ...controls(server, state, sockets, waiters),
  });
}

/** A node:http server on 127.0.0.1:0 answering with `handler(req, res, hitNumber)`. */
export async function startHttpServer(
  handler: (req: IncomingMessage, res: ServerResponse, hit: number) => void,
): Promise<LoopbackServer> {
  const requests: IncomingMessage['headers'][] = [];
  const result = {} as LoopbackServer;
  const hits = new Tally();
  const server = createHttpServer((req, res) => {
    requests.push(req.headers);
    req.resume();
    handler(req, res, hits.bump());
  });
  server.keepAliveTimeout = 30_000;
  return expose(server, result, hits, requests);
}

/** A raw TCP server on 127.0.0.1:0 calling `onSocket(socket, hitNumber)` per connection. */
export async function startTcpServer(
  onSocket: (socket: Socket, hit: number) => void,
): Promise<LoopbackServer> {
  const result = {} as LoopbackServer;
  const hits = new Tally();
  const server = createNetServer((socket) => {
    socket.on('error', () => {});
    onSocket(socket, hits.bump());
  });
  return expose(server, result, hits, []);
}

/** The code of a rejected promise's error (fails the test if it resolved). */
export async function errorOf(
  promise: Promise<unknown>,
): Promise<Error & { code?: string } & Record<string, unknown>> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: string } & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

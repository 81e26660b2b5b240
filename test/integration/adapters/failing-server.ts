import { EventEmitter, once } from 'node:events';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the server answers the next request. */
export type Behaviour =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> }
  /** Never answers; the client's attempt timeout must fire. */
  | { kind: 'hang' }
  /** Destroys the socket without a response (ECONNRESET / socket hang up on the client). */
  | { kind: 'reset' }
  /** Hands the request to another origin and relays its answer. */
  | { kind: 'forward'; to: string }
  /** Forwards to another origin, then destroys the socket instead of relaying the answer. */
  | { kind: 'forward-then-reset'; to: string };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FailingServer {
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Sets the behaviour for every later request. */
  set(behaviour: Behaviour | ((req: RecordedRequest, index: number) => Behaviour)): void;
  /** Resolves with the next request received (its body read), before it is answered. */
  nextRequest(): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/**
 * A real node:http server on 127.0.0.1:0 that fails on demand: 5xx, hangs, resets, garbage,
 * or relays to a real reference service (optionally losing the answer). Closes every socket.
 */
export async function startFailingServer(initial: Behaviour): Promise<FailingServer> {
  let choose: (req: RecordedRequest, index: number) => Behaviour = () => initial;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const received = new EventEmitter();
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(recorded);
    received.emit('request', recorded);
    const behaviour = choose(recorded, requests.length - 1);
    switch (behaviour.kind) {
      case 'json':
        res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
        res.end(JSON.stringify(behaviour.body));
        return;
      case 'raw':
        res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
        res.end(behaviour.body);
        return;
      case 'hang':
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'forward':
      case 'forward-then-reset': {
        const upstream = await relay(behaviour.to, recorded);
        if (behaviour.kind === 'forward-then-reset') {
          req.socket.destroy();
          return;
        }
        res.writeHead(upstream.status, { 'content-type': upstream.contentType });
        res.end(upstream.body);
        return;
      }
    }
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    set(behaviour) {
      choose = typeof behaviour === 'function' ? behaviour : () => behaviour;
    },
    async nextRequest() {
      const [recorded] = (await once(received, 'request')) as [RecordedRequest];
      return recorded;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}

/** One request to `origin` on a fresh connection (agent: false), so no socket outlives it. */
async function relay(
  origin: string,
  recorded: RecordedRequest,
): Promise<{ status: number; contentType: string; body: string }> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(recorded.headers)) {
    if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers[name] = value;
  }
  const req = httpRequest(`${origin}${recorded.url}`, { method: recorded.method, headers, agent: false });
  req.end(recorded.body);
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return {
    status: res.statusCode ?? 502,
    contentType: String(res.headers['content-type'] ?? 'text/plain'),
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

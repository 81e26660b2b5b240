import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedRequest } from './fault-session-options.ts';

/** A user's request listener served on 127.0.0.1:0, recording every request it receives. */
export interface ServedUpstream {
  /** `127.0.0.1:port` */
  address: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** Serves `listener`, recording method, path, headers and body of each request it receives. */
export async function serveUpstream(listener: RequestListener): Promise<ServedUpstream> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    // Recorded on arrival (a request whose body never completes still reached the upstream);
    // the body is collected alongside the listener's own reading of the same stream.
    const record: ReceivedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: { ...req.headers },
      body: '',
    };
    received.push(record);
    req.on('data', (chunk: Buffer) => {
      record.body += chunk.toString('utf8');
    });
    listener(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    received,
    async close() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Child process of bench/client.bench.ts: the upstream HTTP server, kept out of the bench
 * process so it does not compete with the clients for the event loop. Answers every request
 * with a small JSON body over keep-alive. Prints one JSON line `{"port": n}`, then serves
 * until its stdin closes (bench-child-control.ts).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveBenchControl } from './bench-child-control.ts';

const body = Buffer.from('{"ok":true,"value":42}');
const server = createServer({ keepAliveTimeout: 60_000 }, (_req, res) => {
  res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/json' });
  res.end(body);
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
serveBenchControl(() => {
  server.closeAllConnections();
  server.close();
});

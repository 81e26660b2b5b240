/**
 * Child process of bench/proxy.bench.ts: the upstream servers, kept out of the bench
 * process so they do not compete with the proxy or the load generator for its event loop.
 * Prints one JSON line `{http, bulk}` (ports), then serves (and answers `cpu`, see
 * bench-child-control.ts) until its stdin closes.
 *
 * - http: answers every request with a 2-byte body (keep-alive).
 * - bulk: writes BULK_BYTES to each connection (honouring backpressure), then ends.
 */
import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { serveBenchControl } from './bench-child-control.ts';

const bulkBytes = Number(process.env.BULK_BYTES ?? 256 * 1024 * 1024);
const body = Buffer.from('ok');

const http = createHttpServer({ keepAliveTimeout: 60_000 }, (_req, res) => {
  res.writeHead(200, { 'content-length': body.length, 'content-type': 'text/plain' });
  res.end(body);
});
const chunk = Buffer.alloc(256 * 1024, 0x61);
const bulk = createServer((socket) => {
  socket.setNoDelay(true);
  socket.on('error', () => {});
  let sent = 0;
  const pump = () => {
    while (sent < bulkBytes) {
      const n = Math.min(chunk.length, bulkBytes - sent);
      sent += n;
      if (!socket.write(n === chunk.length ? chunk : chunk.subarray(0, n)))
        return void socket.once('drain', pump);
    }
    socket.end();
  };
  pump();
});

http.listen(0, '127.0.0.1');
bulk.listen(0, '127.0.0.1');
await Promise.all([once(http, 'listening'), once(bulk, 'listening')]);
process.stdout.write(
  `${JSON.stringify({ http: (http.address() as AddressInfo).port, bulk: (bulk.address() as AddressInfo).port })}\n`,
);
serveBenchControl(() => process.exit(0));

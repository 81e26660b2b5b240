/**
 * Child process of bench/proxy.bench.ts: the upstream servers, kept out of the bench
 * process so they do not compete with the proxy or the load generator for its event loop.
 * Prints one JSON line `{http, bulk, slice}` (ports), then serves (and answers `cpu`, see
 * bench-child-control.ts) until its stdin closes.
 *
 * - http: answers every request with a 2-byte body (keep-alive).
 * - bulk: writes BULK_BYTES to each connection (honouring backpressure), then ends.
 * - slice: writes SLICE_BYTES (64 KiB) to each connection at once, then ends (the
 *   slicer's accuracy workload).
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

const sliceBody = Buffer.alloc(Number(process.env.SLICE_BYTES ?? 64 * 1024), 0x62);
const slice = createServer((socket) => {
  socket.on('error', () => {});
  socket.end(sliceBody);
});

const servers = { http, bulk, slice };
for (const server of Object.values(servers)) server.listen(0, '127.0.0.1');
await Promise.all(Object.values(servers).map((server) => once(server, 'listening')));
const ports = Object.fromEntries(
  Object.entries(servers).map(([name, server]) => [name, (server.address() as AddressInfo).port]),
);
process.stdout.write(`${JSON.stringify(ports)}\n`);
serveBenchControl(() => process.exit(0));

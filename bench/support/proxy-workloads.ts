/**
 * The three workloads of bench/proxy.bench.ts, each run the same way against the
 * upstream directly and through the proxy. They run in the bench process (the load
 * generator); the servers they hit run in child processes.
 */
import { once } from 'node:events';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'undici';

/** Sequential keep-alive requests per origin and round, after a warm-up. */
export const RTT_REQUESTS = 2000;
const RTT_WARMUP = 300;
const RTT_BLOCK = 100;
/** Concurrent keep-alive connections of the requests/s workload. */
export const RPS_CONNECTIONS = 64;
const RPS_MAX_REQUESTS = 40_000;
/** The requests/s workload stops at RPS_MAX_REQUESTS or after this many ms. */
const RPS_MAX_MS = 2500;

/**
 * Round-trip times (µs) of RTT_REQUESTS small GETs to each origin, each list sorted. The
 * origins take turns in blocks of RTT_BLOCK requests, each on its own keep-alive
 * connection, so a burst of load from neighbours falls on both alike.
 */
export async function roundTrips(origins: readonly string[]): Promise<number[][]> {
  const clients = origins.map((o) => new Client(o, { pipelining: 1, keepAliveTimeout: 60_000 }));
  const times = origins.map((): number[] => []);
  try {
    for (let done = -RTT_WARMUP; done < RTT_REQUESTS; done += RTT_BLOCK) {
      for (let c = 0; c < clients.length; c++) {
        for (let i = 0; i < RTT_BLOCK; i++) {
          const start = performance.now();
          const res = await clients[c]!.request({ path: '/', method: 'GET' });
          await res.body.text();
          if (done >= 0) times[c]!.push((performance.now() - start) * 1000);
        }
      }
    }
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
  return times.map((t) => t.sort((a, b) => a - b));
}

/** Reads one stream of `expectedBytes` from `port` to its end; returns MB/s (MiB). */
export async function bulk(port: number, expectedBytes: number): Promise<number> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const start = performance.now();
  let bytes = 0;
  socket.on('data', (c: Buffer) => {
    bytes += c.length;
  });
  await once(socket, 'close');
  const seconds = (performance.now() - start) / 1000;
  if (bytes !== expectedBytes) throw new Error(`bulk: received ${bytes} of ${expectedBytes} bytes`);
  return bytes / (1024 * 1024) / seconds;
}

/**
 * Like `bulk`, with a lighter sink: every read lands in one reused 1 MiB buffer and is
 * discarded. The default 'data' path allocates a fresh 64 KiB buffer per read, and that
 * churn (and the GC it causes) made the receiver the heaviest process of the bulk run.
 */
export async function bulkToSink(port: number, expectedBytes: number): Promise<number> {
  let bytes = 0;
  const socket = connect({
    port,
    host: '127.0.0.1',
    onread: {
      buffer: Buffer.allocUnsafe(1024 * 1024),
      callback: (n: number) => {
        bytes += n;
        return true;
      },
    },
  });
  await once(socket, 'connect');
  const start = performance.now();
  await once(socket, 'close');
  const seconds = (performance.now() - start) / 1000;
  if (bytes !== expectedBytes) throw new Error(`bulk: received ${bytes} of ${expectedBytes} bytes`);
  return bytes / (1024 * 1024) / seconds;
}

/** Small GETs over RPS_CONNECTIONS keep-alive connections, as fast as they answer. */
export async function requestsPerSecond(origin: string): Promise<{ requests: number; perSecond: number }> {
  const pool = new Pool(origin, { connections: RPS_CONNECTIONS, pipelining: 1, keepAliveTimeout: 60_000 });
  let done = 0;
  const start = performance.now();
  const deadline = start + RPS_MAX_MS;
  const worker = async () => {
    while (done < RPS_MAX_REQUESTS && performance.now() < deadline) {
      const res = await pool.request({ path: '/', method: 'GET' });
      await res.body.text();
      done++;
    }
  };
  try {
    await Promise.all(Array.from({ length: RPS_CONNECTIONS }, worker));
  } finally {
    await pool.close();
  }
  return { requests: done, perSecond: done / ((performance.now() - start) / 1000) };
}

/** The slicer of the accuracy workload, as toxiproxy-server's docs and the issue name it. */
export const SLICER = { average_size: 64, size_variation: 32, delay: 10 } as const;

/** Reads one response from `port` to its end; returns the seconds it took and the bytes. */
export async function timedRead(port: number): Promise<{ seconds: number; bytes: number }> {
  const socket = connect(port, '127.0.0.1');
  const start = performance.now();
  let bytes = 0;
  socket.on('data', (c: Buffer) => {
    bytes += c.length;
  });
  await once(socket, 'close');
  return { seconds: (performance.now() - start) / 1000, bytes };
}

/**
 * The three workloads of bench/proxy.bench.ts, each run the same way against the
 * upstream directly and through the proxy. They run in the bench process (the load
 * generator); the servers they hit run in child processes.
 */
import { once } from 'node:events';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'undici';

/** Sequential keep-alive requests on one connection, after a warm-up. */
export const RTT_REQUESTS = 2000;
const RTT_WARMUP = 300;
/** Concurrent keep-alive connections of the requests/s workload. */
export const RPS_CONNECTIONS = 64;
const RPS_MAX_REQUESTS = 40_000;
/** The requests/s workload stops at RPS_MAX_REQUESTS or after this many ms. */
const RPS_MAX_MS = 2500;

/** Round-trip times (µs) of RTT_REQUESTS small GETs, sorted ascending. */
export async function roundTrips(origin: string): Promise<number[]> {
  const client = new Client(origin, { pipelining: 1, keepAliveTimeout: 60_000 });
  const times: number[] = [];
  try {
    for (let i = 0; i < RTT_WARMUP + RTT_REQUESTS; i++) {
      const start = performance.now();
      const res = await client.request({ path: '/', method: 'GET' });
      await res.body.text();
      if (i >= RTT_WARMUP) times.push((performance.now() - start) * 1000);
    }
  } finally {
    await client.close();
  }
  return times.sort((a, b) => a - b);
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

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Client, Pool } from 'undici';
import type { Benchmark, BenchResult } from './bench-types.ts';

/**
 * The fault proxy with no toxics against a direct connection:
 * - round trip of small keep-alive HTTP requests on one connection (added µs, target <= 100),
 * - bulk TCP throughput of one 256 MiB stream (target >= 85% of direct),
 * - requests/s over 64 concurrent keep-alive connections (target >= 90% of direct).
 * Upstream servers and the proxy each run in a child process, so the load generator
 * (this process) does not starve either.
 */
const here = dirname(fileURLToPath(import.meta.url));
const BULK_BYTES = 256 * 1024 * 1024;
const RTT_REQUESTS = 2000;
const RTT_WARMUP = 300;
const RPS_CONNECTIONS = 64;
const RPS_MAX_REQUESTS = 40_000;
const RPS_MAX_MS = 2500;
/**
 * Direct and proxied runs alternate, ROUNDS times each, and each figure is the best
 * round: on a shared machine the best round is the one least disturbed by neighbours, and
 * alternating keeps warm-up and load drift from favouring whichever side runs second.
 */
const ROUNDS = 3;

async function child(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(here, 'support', script), ...args], {
    // `--import tsx` resolves from the cwd: run from the repository root.
    cwd: join(here, '..'),
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const lines = createInterface({ input: proc.stdout! });
  const [line] = (await once(lines, 'line')) as [string];
  return { proc, info: JSON.parse(line) };
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = once(proc, 'exit');
  proc.stdin?.end();
  await exited;
}

async function roundTrips(origin: string): Promise<number[]> {
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

async function bulk(port: number): Promise<number> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const start = performance.now();
  let bytes = 0;
  socket.on('data', (c: Buffer) => {
    bytes += c.length;
  });
  await once(socket, 'close');
  const seconds = (performance.now() - start) / 1000;
  if (bytes !== BULK_BYTES) throw new Error(`bulk: received ${bytes} of ${BULK_BYTES} bytes`);
  return bytes / (1024 * 1024) / seconds;
}

async function requestsPerSecond(origin: string): Promise<number> {
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
  return done / ((performance.now() - start) / 1000);
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

const benchmark: Benchmark = {
  name: 'proxy',
  async run(): Promise<BenchResult> {
    const upstream = await child('proxy-bench-upstream.ts', [], { BULK_BYTES: String(BULK_BYTES) });
    const { http, bulk: bulkPort } = upstream.info as { http: number; bulk: number };
    const proxy = await child('proxy-bench-proxy.ts', [
      JSON.stringify([
        { name: 'http', listen: '127.0.0.1:0', upstream: `127.0.0.1:${http}` },
        { name: 'bulk', listen: '127.0.0.1:0', upstream: `127.0.0.1:${bulkPort}` },
      ]),
    ]);
    const listen = proxy.info.listen as { http: string; bulk: string };
    try {
      const directOrigin = `http://127.0.0.1:${http}`;
      const proxiedOrigin = `http://${listen.http}`;
      const proxiedBulkPort = Number(listen.bulk.split(':').pop());
      let directRtt: number[] = [];
      let proxiedRtt: number[] = [];
      let directMb = 0;
      let proxiedMb = 0;
      let directRps = 0;
      let proxiedRps = 0;
      const betterRtt = (best: number[], next: number[]) =>
        best.length === 0 || pct(next, 0.5) < pct(best, 0.5) ? next : best;
      for (let round = 0; round < ROUNDS; round++) {
        directRtt = betterRtt(directRtt, await roundTrips(directOrigin));
        proxiedRtt = betterRtt(proxiedRtt, await roundTrips(proxiedOrigin));
        directMb = Math.max(directMb, await bulk(bulkPort));
        proxiedMb = Math.max(proxiedMb, await bulk(proxiedBulkPort));
        directRps = Math.max(directRps, await requestsPerSecond(directOrigin));
        proxiedRps = Math.max(proxiedRps, await requestsPerSecond(proxiedOrigin));
      }

      const addedUs = pct(proxiedRtt, 0.5) - pct(directRtt, 0.5);
      const throughputRatio = proxiedMb / directMb;
      const rpsRatio = proxiedRps / directRps;
      return {
        rows: [
          {
            label: 'direct',
            'rtt p50 µs': pct(directRtt, 0.5),
            'rtt p99 µs': pct(directRtt, 0.99),
            'bulk MB/s': directMb,
            'req/s (64 conns)': directRps,
          },
          {
            label: 'proxied (no toxics)',
            'rtt p50 µs': pct(proxiedRtt, 0.5),
            'rtt p99 µs': pct(proxiedRtt, 0.99),
            'bulk MB/s': proxiedMb,
            'req/s (64 conns)': proxiedRps,
          },
        ],
        targets: [
          {
            name: 'added round-trip time <= 100 µs (p50)',
            ok: addedUs <= 100,
            detail: `${addedUs.toFixed(1)} µs`,
          },
          {
            name: 'bulk throughput >= 85% of direct',
            ok: throughputRatio >= 0.85,
            detail: `${(throughputRatio * 100).toFixed(1)}%`,
          },
          {
            name: 'requests/s (64 keep-alive connections) >= 90% of direct',
            ok: rpsRatio >= 0.9,
            detail: `${(rpsRatio * 100).toFixed(1)}%`,
          },
        ],
        notes: [
          `best of ${ROUNDS} alternating rounds; bulk: one ${BULK_BYTES / 1024 / 1024} MiB stream per round; round trips: ${RTT_REQUESTS} sequential requests per round`,
          'upstream servers and the proxy run in child processes',
        ],
      };
    } finally {
      await stop(proxy.proc);
      await stop(upstream.proc);
    }
  },
};

export default benchmark;

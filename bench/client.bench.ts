import {
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleAll,
  retry,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import Opossum from 'opossum';
import { Pool } from 'undici';
import { createClient } from '../src/client/create-client.ts';
import type { Benchmark } from './bench-types.ts';
import { compareOnClientUpstream, comparisonRows } from './support/compare-on-client-upstream.ts';

/** Concurrent workers, each issuing keep-alive GETs back to back. */
const CONCURRENCY = 32;
/** Bounds of one measured run: whichever comes first. */
const MAX_REQUESTS = 30_000;
const MAX_MS = 4_000;
const WARMUP_REQUESTS = 5_000;
/** Measured rounds per variant (interleaved); the best round counts, to damp noise from a shared machine. */
const ROUNDS = 3;
const CONNECTIONS = 16;

type Call = () => Promise<unknown>;
interface Variant {
  label: string;
  setup(url: string): { call: Call; close(): Promise<void> };
}

const variants: Variant[] = [
  {
    label: 'raw undici Pool.request',
    setup(url) {
      const pool = new Pool(url, { connections: CONNECTIONS });
      return {
        call: async () => {
          const res = await pool.request({ method: 'GET', path: '/v1/x' });
          await res.body.arrayBuffer();
          return res.statusCode;
        },
        close: () => pool.close(),
      };
    },
  },
  {
    label: 'faultline client (timeout+retry+breaker+metrics)',
    setup(url) {
      const client = createClient({
        service: 'bench',
        baseUrl: url,
        connections: CONNECTIONS,
        timeoutMs: 1_000,
        deadlineMs: 5_000,
        retry: { maxAttempts: 3 },
        breaker: { failureThreshold: 5 },
      });
      return { call: () => client.request({ path: '/v1/x' }), close: () => client.close() };
    },
  },
  {
    label: 'cockatiel (timeout+retry+breaker) over Pool.request',
    setup(url) {
      const pool = new Pool(url, { connections: CONNECTIONS });
      const policy = wrap(
        retry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff() }),
        circuitBreaker(handleAll, { halfOpenAfter: 30_000, breaker: new ConsecutiveBreaker(5) }),
        timeout(1_000, TimeoutStrategy.Aggressive),
      );
      return {
        call: () =>
          policy.execute(async ({ signal }) => {
            const res = await pool.request({ method: 'GET', path: '/v1/x', signal });
            await res.body.arrayBuffer();
            return res.statusCode;
          }),
        close: () => pool.close(),
      };
    },
  },
  {
    label: 'opossum (timeout+breaker) over Pool.request',
    setup(url) {
      const pool = new Pool(url, { connections: CONNECTIONS });
      const breaker = new Opossum(
        async () => {
          const res = await pool.request({ method: 'GET', path: '/v1/x' });
          await res.body.arrayBuffer();
          return res.statusCode;
        },
        { timeout: 1_000, errorThresholdPercentage: 50, resetTimeout: 30_000 },
      );
      return {
        call: () => breaker.fire(),
        close: async () => {
          breaker.shutdown();
          await pool.close();
        },
      };
    },
  },
];

/**
 * Throughput and latency of the same workload (32 concurrent keep-alive GETs against an
 * upstream in a child process, 16 connections) through raw undici, our client with every
 * policy on, cockatiel and opossum. Target: ours >= 0.95 x raw undici throughput.
 */
const benchmark: Benchmark = {
  name: 'client',
  async run() {
    const best = await compareOnClientUpstream(
      (url) => variants.map((v) => ({ label: v.label, ...v.setup(url) })),
      {
        concurrency: CONCURRENCY,
        maxRequests: MAX_REQUESTS,
        maxMs: MAX_MS,
        warmupRequests: WARMUP_REQUESTS,
        rounds: ROUNDS,
      },
    );
    const raw = best.get(variants[0]!.label)!;
    const ours = best.get(variants[1]!.label)!;
    const ratio = ours.reqPerSec / raw.reqPerSec;
    return {
      rows: comparisonRows(
        best,
        variants.map((v) => v.label),
        variants[0]!.label,
        'x raw',
        true,
      ),
      targets: [
        {
          name: 'faultline client >= 0.95 x raw undici throughput',
          ok: ratio >= 0.95,
          detail: `${ratio.toFixed(3)} x (${Math.round(ours.reqPerSec)} vs ${Math.round(raw.reqPerSec)} req/s)`,
        },
      ],
      notes: [
        `${CONCURRENCY} workers, ${CONNECTIONS} connections, best of ${ROUNDS} interleaved rounds of <= ${MAX_REQUESTS} requests / ${MAX_MS} ms`,
        'cpu µs/req is the bench process only (the upstream runs in a child process); compare it when req/s is noisy',
      ],
    };
  },
};

export default benchmark;

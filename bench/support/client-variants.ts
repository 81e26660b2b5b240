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
import { type Dispatcher, Pool } from 'undici';
import type { ClientOptions } from '../../src/client/client-types.ts';
import { createClient } from '../../src/client/create-client.ts';

/** Sockets per client (split over the endpoints when there are several). */
export const CLIENT_BENCH_CONNECTIONS = 16;
const PATH = '/v1/x';

/** One contender of the client bench: what it calls, and how to release it. */
export interface ClientVariant {
  label: string;
  /** What the variant's guard compares it with (none: shown only). */
  guard?: { against: 'raw' | 'plain'; atLeast: number };
  setup(url: string): { call: () => Promise<unknown>; close(): Promise<void> };
}

/** The options of the plain client: timeout + retry + breaker + metrics (metrics are always on). */
const plain = (url: string): Omit<ClientOptions, 'service'> => ({
  baseUrl: url,
  connections: CLIENT_BENCH_CONNECTIONS,
  timeoutMs: 1_000,
  deadlineMs: 5_000,
  retry: { maxAttempts: 3 },
  breaker: { failureThreshold: 5 },
});

const withAuth = (url: string): Omit<ClientOptions, 'service'> => ({
  ...plain(url),
  auth: { kind: 'api-key', key: 'bench-key-0123456789' },
  redact: { bodyFields: ['ssn'] },
});

const withEndpoints = (url: string): Omit<ClientOptions, 'service'> => ({
  ...withAuth(url),
  connections: CLIENT_BENCH_CONNECTIONS / 2,
  // Both endpoints are the one upstream: this measures the selection machinery only.
  endpoints: [{ url }, { url }],
  loadBalancing: 'least-outstanding',
  outlierDetection: { consecutiveFailures: 5 },
});

function ours(
  label: string,
  options: (url: string) => Omit<ClientOptions, 'service'>,
  guard?: ClientVariant['guard'],
) {
  return {
    label,
    guard,
    setup(url: string) {
      const client = createClient({ service: 'bench', ...options(url) });
      return { call: () => client.request({ path: PATH }), close: () => client.close() };
    },
  } satisfies ClientVariant;
}

/** Reads a response into memory through `Pool.request` (a Readable body and a promise per call). */
async function poolRequest(pool: Pool, signal?: AbortSignal): Promise<number> {
  const res = await pool.request({ method: 'GET', path: PATH, signal });
  await res.body.arrayBuffer();
  return res.statusCode;
}

/**
 * The floor: `dispatch()` with the least handler that still reads the whole body into
 * memory (no timeout, no cap, no policy). It speaks the callbacks undici's core calls
 * (`onConnect` ... `onComplete`): a handler with the newer `onRequestStart` ... callbacks
 * is wrapped per request (docs/decisions/0005-client-dispatch-handler.md).
 */
function minimalDispatch(pool: Pool): Promise<number> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let status = 0;
    const handler: Dispatcher.DispatchHandler = {
      onConnect() {},
      onHeaders(statusCode) {
        status = statusCode;
        return true;
      },
      onData(chunk) {
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        Buffer.concat(chunks);
        resolve(status);
      },
      onError(err) {
        reject(err);
      },
    };
    pool.dispatch({ method: 'GET', path: PATH, headers: {} }, handler);
  });
}

/**
 * Every contender of the client bench, the baseline first: raw undici two ways, our client
 * plain and with each optional feature, cockatiel and opossum around `Pool.request`.
 * bench/client.bench.ts runs them interleaved; bench/support/profile-client.ts profiles one.
 */
export const clientVariants: ClientVariant[] = [
  {
    label: 'raw undici Pool.request',
    setup(url) {
      const pool = new Pool(url, { connections: CLIENT_BENCH_CONNECTIONS });
      return { call: () => poolRequest(pool), close: () => pool.close() };
    },
  },
  {
    label: 'raw undici dispatch, minimal handler (floor)',
    setup(url) {
      const pool = new Pool(url, { connections: CLIENT_BENCH_CONNECTIONS });
      return { call: () => minimalDispatch(pool), close: () => pool.close() };
    },
  },
  ours('faultline (timeout+retry+breaker+metrics)', plain, { against: 'raw', atLeast: 1.0 }),
  ours('+ auth (api key) + redaction', withAuth, { against: 'plain', atLeast: 0.95 }),
  ours('+ 2 endpoints + outlier detection + auth + redaction', withEndpoints, {
    against: 'plain',
    atLeast: 0.95,
  }),
  ours('+ bulkhead', (url) => ({ ...plain(url), bulkhead: { maxConcurrent: 64, maxQueue: 64 } }), {
    against: 'plain',
    atLeast: 0.95,
  }),
  ours('+ rate limit', (url) => ({ ...plain(url), rateLimit: { ratePerSec: 10_000_000 } }), {
    against: 'plain',
    atLeast: 0.95,
  }),
  // Shown, not guarded: on a saturated client its p95 hedges add load and each lost race
  // destroys a keep-alive socket, which is the price of cancelling the loser.
  ours('+ endpoints + auth + redaction + hedging (p95)', (url) => ({
    ...withEndpoints(url),
    hedging: { delayMs: 'p95' },
  })),
  {
    label: 'cockatiel (timeout+retry+breaker) over Pool.request',
    setup(url) {
      const pool = new Pool(url, { connections: CLIENT_BENCH_CONNECTIONS });
      const policy = wrap(
        retry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff() }),
        circuitBreaker(handleAll, { halfOpenAfter: 30_000, breaker: new ConsecutiveBreaker(5) }),
        timeout(1_000, TimeoutStrategy.Aggressive),
      );
      return {
        call: () => policy.execute(({ signal }) => poolRequest(pool, signal)),
        close: () => pool.close(),
      };
    },
  },
  {
    label: 'opossum (timeout+breaker) over Pool.request',
    setup(url) {
      const pool = new Pool(url, { connections: CLIENT_BENCH_CONNECTIONS });
      const breaker = new Opossum(() => poolRequest(pool), {
        timeout: 1_000,
        errorThresholdPercentage: 50,
        resetTimeout: 30_000,
      });
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

/** Label of the raw `Pool.request` baseline and of our plain client. */
export const RAW_LABEL = clientVariants[0]!.label;
export const PLAIN_LABEL = clientVariants[2]!.label;

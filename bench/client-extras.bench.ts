import type { ClientOptions } from '../src/client/client-types.ts';
import { createClient } from '../src/client/create-client.ts';
import type { Benchmark } from './bench-types.ts';
import { compareOnClientUpstream, comparisonRows } from './support/compare-on-client-upstream.ts';

/** Concurrent workers, each issuing keep-alive GETs back to back. */
const CONCURRENCY = 32;
/** Bounds of one measured run: whichever comes first. */
const MAX_REQUESTS = 30_000;
const MAX_MS = 4_000;
const WARMUP_REQUESTS = 3_000;
/** Measured rounds per variant (interleaved); the best round counts, to damp noise. */
const ROUNDS = 3;
/** Sockets in total per client: split over the endpoints when there are several. */
const CONNECTIONS = 16;

interface Variant {
  label: string;
  options(url: string): Omit<ClientOptions, 'service'>;
}

const base = (url: string) => ({
  baseUrl: url,
  connections: CONNECTIONS,
  timeoutMs: 1_000,
  deadlineMs: 5_000,
  retry: { maxAttempts: 3 },
  breaker: { failureThreshold: 5 },
});

const withAuth = (url: string): Omit<ClientOptions, 'service'> => ({
  ...base(url),
  auth: { kind: 'api-key', key: 'bench-key-0123456789' },
  redact: { bodyFields: ['ssn'] },
});

const withEndpoints = (url: string): Omit<ClientOptions, 'service'> => ({
  ...withAuth(url),
  connections: CONNECTIONS / 2,
  // Both endpoints are the one upstream: this measures the selection machinery only.
  endpoints: [{ url }, { url }],
  loadBalancing: 'least-outstanding',
  outlierDetection: { consecutiveFailures: 5 },
});

const variants: Variant[] = [
  { label: 'plain client (timeout+retry+breaker)', options: base },
  { label: '+ auth (api key) + redaction', options: withAuth },
  { label: '+ 2 endpoints + outlier detection + auth + redaction', options: withEndpoints },
  {
    label: '+ all of the above + hedging (p95)',
    options: (url) => ({ ...withEndpoints(url), hedging: { delayMs: 'p95' } }),
  },
];

/**
 * Overhead of the issue-8 client features: the same workload (32 concurrent keep-alive
 * GETs, 16 sockets, upstream in a child process) through the plain client and through
 * clients with auth + redaction, several endpoints + outlier detection, and hedging on.
 * Issue 8 asks for the figures, not a target; a regression guard checks that every feature
 * on (without hedging) keeps >= 0.80 x the plain client's throughput. Hedging is shown but
 * not guarded: on a saturated client its p95 hedges add load and each lost race destroys
 * a keep-alive socket, which is the price of cancelling the loser.
 */
const benchmark: Benchmark = {
  name: 'client-extras',
  async run() {
    const best = await compareOnClientUpstream(
      (url) =>
        variants.map((v) => {
          const client = createClient({ service: 'bench', ...v.options(url) });
          return {
            label: v.label,
            call: () => client.request({ path: '/v1/x' }),
            close: () => client.close(),
          };
        }),
      {
        concurrency: CONCURRENCY,
        maxRequests: MAX_REQUESTS,
        maxMs: MAX_MS,
        warmupRequests: WARMUP_REQUESTS,
        rounds: ROUNDS,
      },
    );
    const plain = best.get(variants[0]!.label)!;
    const extras = best.get(variants[2]!.label)!;
    const ratio = extras.reqPerSec / plain.reqPerSec;
    return {
      rows: comparisonRows(
        best,
        variants.map((v) => v.label),
        variants[0]!.label,
        'x plain',
      ),
      targets: [
        {
          // Issue 8 sets no figure; this guards against regressions of the measured ~0.85-0.9 x.
          name: 'regression guard: endpoints + outlier detection + auth + redaction >= 0.80 x plain client throughput',
          ok: ratio >= 0.8,
          detail: `${ratio.toFixed(3)} x (${Math.round(extras.reqPerSec)} vs ${Math.round(plain.reqPerSec)} req/s)`,
        },
      ],
      notes: [
        `${CONCURRENCY} workers, ${CONNECTIONS} sockets per client, best of ${ROUNDS} interleaved rounds of <= ${MAX_REQUESTS} requests / ${MAX_MS} ms`,
        'the two endpoints are the same upstream: the figures isolate the client-side cost',
        `ratio with every feature but hedging: ${ratio.toFixed(3)} x`,
      ],
    };
  },
};

export default benchmark;

import { z } from 'zod';
import {
  alwaysCheck,
  asRecord,
  expected,
  httpUrl,
  int,
  ms,
  oneOf,
  positiveMs,
  probability,
  strictObject,
  stringMap,
} from './fields.ts';
import { defaultsOf, withDefault } from './options/option-default.ts';

/**
 * The part of ClientOptions (src/client/client-types.ts) that a user writes in YAML: in
 * the registry (`services.<key>.client`) and as a scenario's `client:` overrides. Runtime
 * objects (dispatcher, clock, random) and the identity (service, baseUrl) are not here.
 * Each option is declared here once, with its default and its description (withDefault):
 * the client's types (client-types.ts), its defaults (the resolve*Options functions), its
 * validation (createClient parses with these schemas), the JSON Schema and
 * docs/client-options.md all derive from it.
 */

const statusCode = int(100, 'an HTTP status code 100..599').max(
  599,
  expected('an HTTP status code 100..599'),
);

/** A rate in (0, 1]: 0 would open the circuit on every call. */
const rate = (what = 'a rate in (0, 1]') =>
  z.number(expected(what)).positive(expected(what)).max(1, expected(what));

/**
 * 4xx statuses that may be listed in retry.retryOnStatus: the request itself is fine, the
 * server asks to come back later. Every other 4xx means the request is wrong and retrying it
 * is pointless, so listing one is an error rather than silently ignored.
 */
export const RETRYABLE_4XX: readonly number[] = [408, 425, 429];

const retryableStatus = statusCode.refine((s) => s < 400 || s >= 500 || RETRYABLE_4XX.includes(s), {
  error: `expected a 5xx or one of ${RETRYABLE_4XX.join(', ')} (other 4xx are never retried: the request itself is wrong)`,
});

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const retryBudgetSchema = strictObject(
  {
    ratio: withDefault(
      probability('a ratio between 0 and 1'),
      0.2,
      'Fraction of recent calls that may be retries.',
    ),
    minRetriesPerWindow: withDefault(int(0), 10, 'Retries always allowed per window regardless of traffic.'),
    windowMs: withDefault(positiveMs(), 10_000, 'Sliding window, ms.'),
  },
  'a retry budget object { ratio, minRetriesPerWindow, windowMs }',
);

export const retryConfigSchema = strictObject(
  {
    maxAttempts: withDefault(int(1), 3, 'Total attempts including the first.'),
    baseDelayMs: withDefault(ms(), 100, 'First backoff delay, ms.'),
    multiplier: withDefault(
      z.number(expected('a growth factor >= 1')).min(1, expected('a growth factor >= 1')),
      2,
      'Growth factor per attempt.',
    ),
    maxDelayMs: withDefault(ms(), 10_000, 'Cap on any single delay (also caps Retry-After), ms.'),
    jitter: withDefault(
      oneOf(['none', 'full', 'equal', 'decorrelated']),
      'full',
      'Randomisation of each delay.',
    ),
    retryOnStatus: withDefault(
      z.array(retryableStatus, expected('a list of HTTP status codes')),
      [408, 429, 500, 502, 503, 504],
      'Statuses that are retried.',
    ),
    retryOnNetworkError: withDefault(
      z.boolean(expected('true or false')),
      true,
      'Retry network errors (reset, refused, timeout of an attempt).',
    ),
    respectRetryAfter: withDefault(
      z.boolean(expected('true or false')),
      true,
      'Honour Retry-After (seconds or HTTP-date): never retry before it.',
    ),
    budget: withDefault(
      z.union([z.literal(false, expected('false')), retryBudgetSchema]),
      { ratio: 0.2, minRetriesPerWindow: 10, windowMs: 10_000 },
      'Retry budget: retries add at most `ratio` of recent calls (+ a floor); false disables it.',
    ),
  },
  'a retry object { maxAttempts, baseDelayMs, ... }',
);

export const breakerConfigSchema = strictObject(
  {
    strategy: withDefault(
      oneOf(['consecutive', 'count-window', 'time-window', 'slow-call-rate']),
      'consecutive',
      'How the breaker decides to open.',
    ),
    failureThreshold: withDefault(int(1), 5, 'consecutive: failures in a row that open the circuit.'),
    windowSize: withDefault(int(1), 20, 'count-window: number of most recent calls considered.'),
    windowMs: withDefault(positiveMs(), 10_000, 'time-window and slow-call-rate: window length, ms.'),
    minimumCalls: withDefault(int(1), 10, 'Window strategies: fewer calls than this never open the circuit.'),
    failureRateThreshold: withDefault(rate(), 0.5, 'Window strategies: failure rate in (0, 1] that opens.'),
    slowCallDurationMs: withDefault(positiveMs(), 5_000, 'A call slower than this is "slow", ms.'),
    slowCallRateThreshold: withDefault(
      rate(),
      0.5,
      'slow-call-rate: rate of slow calls in (0, 1] that opens.',
    ),
    resetTimeoutMs: withDefault(ms(), 30_000, 'Time spent open before admitting probes, ms.'),
    halfOpenMaxCalls: withDefault(int(1), 1, 'Concurrent probe calls admitted while half-open.'),
    halfOpenSuccesses: withDefault(int(1), 1, 'Successful probes needed to close.'),
    failureStatuses: withDefault(
      z.array(statusCode, expected('a list of HTTP status codes')),
      // 408 (the server timed out waiting for us) and every 5xx; 429 is back-pressure, not failure.
      [408, ...range(500, 599)],
      'Statuses counted as failures (network errors and timeouts always are; 429 is not).',
    ),
  },
  'a breaker object { failureThreshold, resetTimeoutMs, ... }',
);

export const fallbackConfigSchema = z.discriminatedUnion(
  'kind',
  [
    strictObject(
      {
        kind: z.literal('default'),
        value: z.unknown().describe('The response body (JSON) served instead of failing.'),
        status: withDefault(statusCode, 200, 'Status of the served response.'),
      },
      'a fallback object { kind: default, value, status }',
    ),
    strictObject(
      {
        kind: z.literal('cache'),
        maxAgeMs: positiveMs().describe('Oldest cached response served, ms.'),
        maxEntries: withDefault(int(1), 1000, 'Cache size: most recent responses kept.'),
      },
      'a fallback object { kind: cache, maxAgeMs, maxEntries }',
    ),
    strictObject(
      {
        kind: z.literal('alternate'),
        baseUrl: httpUrl().describe('Origin of the alternate service (http or https).'),
      },
      'a fallback object { kind: alternate, baseUrl }',
    ),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'expected one of "default", "cache", "alternate"'
        : 'expected a fallback object { kind: default | cache | alternate, ... }',
  },
);

export const bulkheadConfigSchema = strictObject(
  {
    maxConcurrent: withDefault(int(1), 64, 'Calls running at once.'),
    maxQueue: withDefault(int(0), 0, 'Calls waiting for a slot (FIFO); 0 rejects at once when full.'),
  },
  'a bulkhead object { maxConcurrent, maxQueue }',
);

export const rateLimitConfigSchema = strictObject(
  {
    ratePerSec: z
      .number(expected('a number of tokens per second > 0'))
      .positive(expected('a number of tokens per second > 0'))
      .describe('Tokens added per second (required).'),
    burst: z
      .number(expected('a number of tokens >= 1'))
      .min(1, expected('a number of tokens >= 1'))
      .optional()
      .describe('Bucket size: the largest burst. Default max(1, ceil(ratePerSec)).'),
    maxWaitMs: withDefault(ms(), 0, 'Longest wait for a token before FAULTLINE_RATE_LIMITED, ms.'),
    pauseOn429: withDefault(
      z.boolean(expected('true or false')),
      true,
      'A 429 with Retry-After pauses the bucket until then.',
    ),
  },
  'a rateLimit object { ratePerSec, burst, maxWaitMs, pauseOn429 }',
);

export const hedgingConfigSchema = strictObject(
  {
    delayMs: withDefault(
      z.union([ms(), z.literal('p95', expected('"p95"'))]),
      'p95',
      'Hedge delay, ms, or "p95" of recent attempt latencies.',
    ),
    maxHedges: withDefault(int(1), 1, 'Extra attempts at most per attempt.'),
    minSamples: withDefault(int(1), 20, 'With "p95": latencies needed before hedging.'),
    minDelayMs: withDefault(ms(), 1, 'With "p95": floor on the delay, ms.'),
  },
  'a hedging object { delayMs, maxHedges, minSamples, minDelayMs }',
);

export const outlierDetectionConfigSchema = strictObject(
  {
    consecutiveFailures: withDefault(int(1), 5, 'Consecutive 5xx / network failures that eject an endpoint.'),
    baseEjectionMs: withDefault(
      positiveMs(),
      30_000,
      'First ejection time; the n-th lasts n times this, ms.',
    ),
    maxEjectionMs: withDefault(positiveMs(), 300_000, 'Cap on one ejection, ms.'),
    maxEjectionPercent: withDefault(
      z
        .number(expected('a percentage 0..100'))
        .min(0, expected('a percentage 0..100'))
        .max(100, expected('a percentage 0..100')),
      50,
      'Never more than this share of endpoints ejected at once, %.',
    ),
  },
  'an outlierDetection object { consecutiveFailures, baseEjectionMs, maxEjectionMs, maxEjectionPercent }',
).check(
  alwaysCheck((value, ctx) => {
    const record = asRecord(value);
    const base = record?.baseEjectionMs;
    const max = record?.maxEjectionMs;
    if (typeof base === 'number' && typeof max === 'number' && max < base) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxEjectionMs'],
        message: `expected maxEjectionMs >= baseEjectionMs (${base}), got ${max}`,
      });
    }
  }),
);

export const healthCheckConfigSchema = strictObject(
  {
    path: z
      .string(expected('a path starting with "/", e.g. "/healthz"'))
      .startsWith('/', expected('a path starting with "/", e.g. "/healthz"'))
      .describe('GET on each endpoint; a 2xx passes (required).'),
    intervalMs: withDefault(positiveMs(), 10_000, 'Between probe rounds, ms.'),
    timeoutMs: withDefault(positiveMs(), 1_000, 'Timeout of one probe, ms.'),
    healthyThreshold: withDefault(int(1), 2, 'Passing probes in a row that bring an endpoint back.'),
    unhealthyThreshold: withDefault(int(1), 3, 'Failing probes in a row that take an endpoint out.'),
  },
  'a healthCheck object { path, intervalMs, timeoutMs, healthyThreshold, unhealthyThreshold }',
);

/** `false` (off, also removing an inherited setting) or the object. */
function orFalse<T extends z.ZodType>(schema: T) {
  return z.union([z.literal(false, expected('false')), schema]);
}

export const clientConfigSchema = strictObject(
  {
    timeoutMs: withDefault(
      positiveMs(),
      10_000,
      'Per-attempt timeout covering connect, headers and the whole body, ms.',
    ),
    deadlineMs: withDefault(
      positiveMs(),
      30_000,
      'Overall deadline of a call including retries and backoff, ms.',
    ),
    maxResponseBytes: withDefault(
      int(1, 'a number of bytes >= 1'),
      10 * 1024 * 1024,
      'Larger responses fail with FAULTLINE_BODY_TOO_LARGE, bytes (10 MiB).',
    ),
    connections: withDefault(int(1), 64, 'Connections per origin.'),
    keepAliveTimeoutMs: withDefault(
      positiveMs(),
      4_000,
      'Idle keep-alive before a pooled socket is closed, ms.',
    ),
    headers: stringMap('a map of header names to strings')
      .optional()
      .describe('Headers sent on every request.'),
    retry: orFalse(retryConfigSchema).optional().describe('Retry policy; false disables retries.'),
    breaker: orFalse(breakerConfigSchema).optional().describe('Circuit breaker; false disables it.'),
    fallback: orFalse(fallbackConfigSchema)
      .optional()
      .describe('What to serve when a call fails; false removes an inherited fallback.'),
    bulkhead: orFalse(bulkheadConfigSchema)
      .optional()
      .describe('Caps calls in flight (+ a bounded queue); false disables it. Off by default.'),
    rateLimit: orFalse(rateLimitConfigSchema)
      .optional()
      .describe('Client-side token bucket per attempt; false disables it. Off by default.'),
    hedging: orFalse(hedgingConfigSchema)
      .optional()
      .describe('Hedging of idempotent calls; false disables it. Off by default.'),
    loadBalancing: withDefault(
      oneOf(['round-robin', 'least-outstanding', 'weighted']),
      'round-robin',
      'How a call picks one of the upstreams.',
    ),
    outlierDetection: orFalse(outlierDetectionConfigSchema)
      .optional()
      .describe('Ejects an upstream after consecutive failures; false disables it. Off by default.'),
    healthCheck: orFalse(healthCheckConfigSchema)
      .optional()
      .describe('Active health checks of the upstreams; false disables them. Off by default.'),
  },
  'a client object { timeoutMs, deadlineMs, retry, breaker, fallback, bulkhead, ... }',
);

/** The option groups, by the key under which they are written; docs/client-options.md lists them. */
export const clientOptionGroups = {
  client: clientConfigSchema,
  retry: retryConfigSchema,
  'retry.budget': retryBudgetSchema,
  breaker: breakerConfigSchema,
  bulkhead: bulkheadConfigSchema,
  rateLimit: rateLimitConfigSchema,
  hedging: hedgingConfigSchema,
  outlierDetection: outlierDetectionConfigSchema,
  healthCheck: healthCheckConfigSchema,
} as const;

/** Defaults of the client's own options and of each policy, derived from the schemas above. */
export const clientConfigDefaults = defaultsOf(clientConfigSchema.shape);
export const retryConfigDefaults = defaultsOf(retryConfigSchema.shape);
export const retryBudgetDefaults = defaultsOf(retryBudgetSchema.shape);
export const breakerConfigDefaults = defaultsOf(breakerConfigSchema.shape);

export type RetryConfig = z.output<typeof retryConfigSchema>;
export type BreakerConfig = z.output<typeof breakerConfigSchema>;
export type FallbackConfig = z.output<typeof fallbackConfigSchema>;
export type BulkheadConfig = z.output<typeof bulkheadConfigSchema>;
export type RateLimitConfig = z.output<typeof rateLimitConfigSchema>;
export type HedgingConfig = z.output<typeof hedgingConfigSchema>;
export type OutlierDetectionConfig = z.output<typeof outlierDetectionConfigSchema>;
export type HealthCheckConfig = z.output<typeof healthCheckConfigSchema>;
/** Client settings as written in YAML (registry or scenario overrides). */
export type ClientConfig = z.output<typeof clientConfigSchema>;

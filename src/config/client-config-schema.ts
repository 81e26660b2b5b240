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
import * as D from './options/client-defaults.ts';
import { RETRYABLE_4XX } from './options/client-defaults.ts';
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

const retryableStatus = statusCode.refine((s) => s < 400 || s >= 500 || RETRYABLE_4XX.includes(s), {
  error: `expected a 5xx or one of ${RETRYABLE_4XX.join(', ')} (other 4xx are never retried: the request itself is wrong)`,
});

export const retryBudgetSchema = strictObject(
  {
    ratio: withDefault(
      probability('a ratio between 0 and 1'),
      D.RETRY_BUDGET_DEFAULTS.ratio,
      'Fraction of recent calls that may be retries.',
    ),
    minRetriesPerWindow: withDefault(
      int(0),
      D.RETRY_BUDGET_DEFAULTS.minRetriesPerWindow,
      'Retries always allowed per window regardless of traffic.',
    ),
    windowMs: withDefault(positiveMs(), D.RETRY_BUDGET_DEFAULTS.windowMs, 'Sliding window, ms.'),
  },
  'a retry budget object { ratio, minRetriesPerWindow, windowMs }',
);

export const retryConfigSchema = strictObject(
  {
    maxAttempts: withDefault(int(1), D.RETRY_DEFAULTS.maxAttempts, 'Total attempts including the first.'),
    baseDelayMs: withDefault(ms(), D.RETRY_DEFAULTS.baseDelayMs, 'First backoff delay, ms.'),
    multiplier: withDefault(
      z.number(expected('a growth factor >= 1')).min(1, expected('a growth factor >= 1')),
      D.RETRY_DEFAULTS.multiplier,
      'Growth factor per attempt.',
    ),
    maxDelayMs: withDefault(
      ms(),
      D.RETRY_DEFAULTS.maxDelayMs,
      'Cap on any single delay (also caps Retry-After), ms.',
    ),
    jitter: withDefault(
      oneOf(['none', 'full', 'equal', 'decorrelated']),
      D.RETRY_DEFAULTS.jitter,
      'Randomisation of each delay.',
    ),
    retryOnStatus: withDefault(
      z.array(retryableStatus, expected('a list of HTTP status codes')),
      [...D.RETRY_DEFAULTS.retryOnStatus],
      'Statuses that are retried.',
    ),
    retryOnNetworkError: withDefault(
      z.boolean(expected('true or false')),
      D.RETRY_DEFAULTS.retryOnNetworkError,
      'Retry network errors (reset, refused, timeout of an attempt).',
    ),
    respectRetryAfter: withDefault(
      z.boolean(expected('true or false')),
      D.RETRY_DEFAULTS.respectRetryAfter,
      'Honour Retry-After (seconds or HTTP-date): never retry before it.',
    ),
    budget: withDefault(
      z.union([z.literal(false, expected('false')), retryBudgetSchema]),
      { ...D.RETRY_BUDGET_DEFAULTS },
      'Retry budget: retries add at most `ratio` of recent calls (+ a floor); false disables it.',
    ),
  },
  'a retry object { maxAttempts, baseDelayMs, ... }',
);

export const breakerConfigSchema = strictObject(
  {
    strategy: withDefault(
      oneOf(['consecutive', 'count-window', 'time-window', 'slow-call-rate']),
      D.BREAKER_DEFAULTS.strategy,
      'How the breaker decides to open.',
    ),
    failureThreshold: withDefault(
      int(1),
      D.BREAKER_DEFAULTS.failureThreshold,
      'consecutive: failures in a row that open the circuit.',
    ),
    windowSize: withDefault(
      int(1),
      D.BREAKER_DEFAULTS.windowSize,
      'count-window: number of most recent calls considered.',
    ),
    windowMs: withDefault(
      positiveMs(),
      D.BREAKER_DEFAULTS.windowMs,
      'time-window and slow-call-rate: window length, ms.',
    ),
    minimumCalls: withDefault(
      int(1),
      D.BREAKER_DEFAULTS.minimumCalls,
      'Window strategies: fewer calls than this never open the circuit.',
    ),
    failureRateThreshold: withDefault(
      rate(),
      D.BREAKER_DEFAULTS.failureRateThreshold,
      'Window strategies: failure rate in (0, 1] that opens.',
    ),
    slowCallDurationMs: withDefault(
      positiveMs(),
      D.BREAKER_DEFAULTS.slowCallDurationMs,
      'A call slower than this is "slow", ms.',
    ),
    slowCallRateThreshold: withDefault(
      rate(),
      D.BREAKER_DEFAULTS.slowCallRateThreshold,
      'slow-call-rate: rate of slow calls in (0, 1] that opens.',
    ),
    resetTimeoutMs: withDefault(
      ms(),
      D.BREAKER_DEFAULTS.resetTimeoutMs,
      'Time spent open before admitting probes, ms.',
    ),
    halfOpenMaxCalls: withDefault(
      int(1),
      D.BREAKER_DEFAULTS.halfOpenMaxCalls,
      'Concurrent probe calls admitted while half-open.',
    ),
    halfOpenSuccesses: withDefault(
      int(1),
      D.BREAKER_DEFAULTS.halfOpenSuccesses,
      'Successful probes needed to close.',
    ),
    failureStatuses: withDefault(
      z.array(statusCode, expected('a list of HTTP status codes')),
      // 408 (the server timed out waiting for us) and every 5xx; 429 is back-pressure, not failure.
      [...D.BREAKER_DEFAULTS.failureStatuses],
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
        status: withDefault(statusCode, D.FALLBACK_DEFAULTS.status, 'Status of the served response.'),
      },
      'a fallback object { kind: default, value, status }',
    ),
    strictObject(
      {
        kind: z.literal('cache'),
        maxAgeMs: positiveMs().describe('Oldest cached response served, ms.'),
        maxEntries: withDefault(
          int(1),
          D.FALLBACK_DEFAULTS.maxEntries,
          'Cache size: most recent responses kept.',
        ),
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
    maxConcurrent: withDefault(int(1), D.BULKHEAD_DEFAULTS.maxConcurrent, 'Calls running at once.'),
    maxQueue: withDefault(
      int(0),
      D.BULKHEAD_DEFAULTS.maxQueue,
      'Calls waiting for a slot (FIFO); 0 rejects at once when full.',
    ),
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
    maxWaitMs: withDefault(
      ms(),
      D.RATE_LIMIT_DEFAULTS.maxWaitMs,
      'Longest wait for a token before FAULTLINE_RATE_LIMITED, ms.',
    ),
    pauseOn429: withDefault(
      z.boolean(expected('true or false')),
      D.RATE_LIMIT_DEFAULTS.pauseOn429,
      'A 429 with Retry-After pauses the bucket until then.',
    ),
  },
  'a rateLimit object { ratePerSec, burst, maxWaitMs, pauseOn429 }',
);

export const hedgingConfigSchema = strictObject(
  {
    delayMs: withDefault(
      z.union([ms(), z.literal('p95', expected('"p95"'))]),
      D.HEDGING_DEFAULTS.delayMs,
      'Hedge delay, ms, or "p95" of recent attempt latencies.',
    ),
    maxHedges: withDefault(int(1), D.HEDGING_DEFAULTS.maxHedges, 'Extra attempts at most per attempt.'),
    minSamples: withDefault(
      int(1),
      D.HEDGING_DEFAULTS.minSamples,
      'With "p95": latencies needed before hedging.',
    ),
    minDelayMs: withDefault(ms(), D.HEDGING_DEFAULTS.minDelayMs, 'With "p95": floor on the delay, ms.'),
  },
  'a hedging object { delayMs, maxHedges, minSamples, minDelayMs }',
);

export const outlierDetectionConfigSchema = strictObject(
  {
    consecutiveFailures: withDefault(
      int(1),
      D.OUTLIER_DETECTION_DEFAULTS.consecutiveFailures,
      'Consecutive 5xx / network failures that eject an endpoint.',
    ),
    baseEjectionMs: withDefault(
      positiveMs(),
      D.OUTLIER_DETECTION_DEFAULTS.baseEjectionMs,
      'First ejection time; the n-th lasts n times this, ms.',
    ),
    maxEjectionMs: withDefault(
      positiveMs(),
      D.OUTLIER_DETECTION_DEFAULTS.maxEjectionMs,
      'Cap on one ejection, ms.',
    ),
    maxEjectionPercent: withDefault(
      z
        .number(expected('a percentage 0..100'))
        .min(0, expected('a percentage 0..100'))
        .max(100, expected('a percentage 0..100')),
      D.OUTLIER_DETECTION_DEFAULTS.maxEjectionPercent,
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
    intervalMs: withDefault(positiveMs(), D.HEALTH_CHECK_DEFAULTS.intervalMs, 'Between probe rounds, ms.'),
    timeoutMs: withDefault(positiveMs(), D.HEALTH_CHECK_DEFAULTS.timeoutMs, 'Timeout of one probe, ms.'),
    healthyThreshold: withDefault(
      int(1),
      D.HEALTH_CHECK_DEFAULTS.healthyThreshold,
      'Passing probes in a row that bring an endpoint back.',
    ),
    unhealthyThreshold: withDefault(
      int(1),
      D.HEALTH_CHECK_DEFAULTS.unhealthyThreshold,
      'Failing probes in a row that take an endpoint out.',
    ),
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
      D.CLIENT_DEFAULTS.timeoutMs,
      'Per-attempt timeout covering connect, headers and the whole body, ms.',
    ),
    deadlineMs: withDefault(
      positiveMs(),
      D.CLIENT_DEFAULTS.deadlineMs,
      'Overall deadline of a call including retries and backoff, ms.',
    ),
    maxResponseBytes: withDefault(
      int(1, 'a number of bytes >= 1'),
      D.CLIENT_DEFAULTS.maxResponseBytes,
      'Larger responses fail with FAULTLINE_BODY_TOO_LARGE, bytes (10 MiB).',
    ),
    connections: withDefault(int(1), D.CLIENT_DEFAULTS.connections, 'Connections per origin.'),
    keepAliveTimeoutMs: withDefault(
      positiveMs(),
      D.CLIENT_DEFAULTS.keepAliveTimeoutMs,
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
      D.CLIENT_DEFAULTS.loadBalancing,
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

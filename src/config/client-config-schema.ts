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

/**
 * The part of ClientOptions (src/client/client-types.ts) that a user writes in YAML: in
 * the registry (`services.<key>.client`) and as a scenario's `client:` overrides. Runtime
 * objects (dispatcher, clock, random) and the identity (service, baseUrl) are not here.
 * Defaults are the client's own (see client-types.ts); this schema only validates.
 */

const statusCode = int(100, 'an HTTP status code 100..599').max(
  599,
  expected('an HTTP status code 100..599'),
);

export const retryBudgetSchema = strictObject(
  {
    /** Fraction of recent calls that may be retries. @default 0.2 */
    ratio: probability('a ratio between 0 and 1').optional(),
    /** Retries always allowed per window. @default 10 */
    minRetriesPerWindow: int(0).optional(),
    /** Sliding window, ms. @default 10_000 */
    windowMs: positiveMs().optional(),
  },
  'a retry budget object { ratio, minRetriesPerWindow, windowMs }',
);

export const retryConfigSchema = strictObject(
  {
    maxAttempts: int(1).optional().describe('Total attempts including the first. Default 3.'),
    baseDelayMs: ms().optional().describe('First backoff delay, ms. Default 100.'),
    multiplier: z
      .number(expected('a growth factor >= 1'))
      .min(1, expected('a growth factor >= 1'))
      .optional()
      .describe('Growth factor per attempt. Default 2.'),
    maxDelayMs: ms().optional().describe('Cap on any single delay and on Retry-After, ms. Default 10000.'),
    jitter: oneOf(['none', 'full', 'equal', 'decorrelated']).optional().describe('Default "full".'),
    retryOnStatus: z
      .array(statusCode, expected('a list of HTTP status codes'))
      .optional()
      .describe('Statuses that are retried. Default [408, 429, 500, 502, 503, 504].'),
    retryOnNetworkError: z.boolean(expected('true or false')).optional().describe('Default true.'),
    respectRetryAfter: z.boolean(expected('true or false')).optional().describe('Default true.'),
    budget: z
      .union([z.literal(false, expected('false')), retryBudgetSchema])
      .optional()
      .describe(
        'Retry budget; false disables it. Default { ratio: 0.2, minRetriesPerWindow: 10, windowMs: 10000 }.',
      ),
  },
  'a retry object { maxAttempts, baseDelayMs, ... }',
);

export const breakerConfigSchema = strictObject(
  {
    strategy: oneOf(['consecutive', 'count-window', 'time-window', 'slow-call-rate'])
      .optional()
      .describe('Default "consecutive".'),
    failureThreshold: int(1).optional().describe('consecutive: failures in a row that open. Default 5.'),
    windowSize: int(1).optional().describe('count-window: calls considered. Default 20.'),
    windowMs: positiveMs().optional().describe('time-window, slow-call-rate: window, ms. Default 10000.'),
    minimumCalls: int(1).optional().describe('Window strategies: fewer calls never open. Default 10.'),
    failureRateThreshold: probability().optional().describe('Failure rate that opens. Default 0.5.'),
    slowCallDurationMs: positiveMs()
      .optional()
      .describe('A call slower than this is slow, ms. Default 5000.'),
    slowCallRateThreshold: probability().optional().describe('Slow-call rate that opens. Default 0.5.'),
    resetTimeoutMs: ms().optional().describe('Time open before probing, ms. Default 30000.'),
    halfOpenMaxCalls: int(1).optional().describe('Concurrent probes while half-open. Default 1.'),
    halfOpenSuccesses: int(1).optional().describe('Successful probes needed to close. Default 1.'),
    failureStatuses: z
      .array(statusCode, expected('a list of HTTP status codes'))
      .optional()
      .describe('Statuses counted as failures. Default 500..599.'),
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
        status: statusCode.optional().describe('Status of the served response. Default 200.'),
      },
      'a fallback object { kind: default, value, status }',
    ),
    strictObject(
      {
        kind: z.literal('cache'),
        maxAgeMs: positiveMs().describe('Oldest cached response served, ms.'),
        maxEntries: int(1).optional().describe('Cache size. Default 1000.'),
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
    maxConcurrent: int(1).optional().describe('Calls running at once. Default 64.'),
    maxQueue: int(0)
      .optional()
      .describe('Calls waiting for a slot (FIFO); 0 rejects at once when full. Default 0.'),
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
    maxWaitMs: ms()
      .optional()
      .describe('Longest wait for a token before FAULTLINE_RATE_LIMITED, ms. Default 0.'),
    pauseOn429: z
      .boolean(expected('true or false'))
      .optional()
      .describe('A 429 with Retry-After pauses the bucket until then. Default true.'),
  },
  'a rateLimit object { ratePerSec, burst, maxWaitMs, pauseOn429 }',
);

export const hedgingConfigSchema = strictObject(
  {
    delayMs: z
      .union([ms(), z.literal('p95', expected('"p95"'))])
      .optional()
      .describe('Hedge delay, ms, or "p95" of recent attempt latencies. Default "p95".'),
    maxHedges: int(1).optional().describe('Extra attempts at most per attempt. Default 1.'),
    minSamples: int(1).optional().describe('With "p95": latencies needed before hedging. Default 20.'),
    minDelayMs: ms().optional().describe('With "p95": floor on the delay, ms. Default 1.'),
  },
  'a hedging object { delayMs, maxHedges, minSamples, minDelayMs }',
);

export const outlierDetectionConfigSchema = strictObject(
  {
    consecutiveFailures: int(1)
      .optional()
      .describe('Consecutive 5xx / network failures that eject an endpoint. Default 5.'),
    baseEjectionMs: positiveMs()
      .optional()
      .describe('First ejection time; the n-th lasts n times this, ms. Default 30000.'),
    maxEjectionMs: positiveMs().optional().describe('Cap on one ejection, ms. Default 300000.'),
    maxEjectionPercent: z
      .number(expected('a percentage 0..100'))
      .min(0, expected('a percentage 0..100'))
      .max(100, expected('a percentage 0..100'))
      .optional()
      .describe('Never more than this share of endpoints ejected at once, %. Default 50.'),
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
    intervalMs: positiveMs().optional().describe('Between probe rounds, ms. Default 10000.'),
    timeoutMs: positiveMs().optional().describe('Timeout of one probe, ms. Default 1000.'),
    healthyThreshold: int(1).optional().describe('Passing probes in a row that bring it back. Default 2.'),
    unhealthyThreshold: int(1).optional().describe('Failing probes in a row that take it out. Default 3.'),
  },
  'a healthCheck object { path, intervalMs, timeoutMs, healthyThreshold, unhealthyThreshold }',
);

/** `false` (off, also removing an inherited setting) or the object. */
function orFalse<T extends z.ZodType>(schema: T) {
  return z.union([z.literal(false, expected('false')), schema]);
}

export const clientConfigSchema = strictObject(
  {
    timeoutMs: positiveMs().optional().describe('Per-attempt timeout, ms. Default 10000.'),
    deadlineMs: positiveMs()
      .optional()
      .describe('Overall deadline of a call including retries, ms. Default 30000.'),
    maxResponseBytes: int(1, 'a number of bytes >= 1').optional().describe('Default 10 MiB.'),
    connections: int(1).optional().describe('Connections per origin. Default 64.'),
    keepAliveTimeoutMs: ms().optional().describe('Idle keep-alive, ms. Default 4000.'),
    headers: stringMap('a map of header names to strings').optional(),
    retry: z
      .union([z.literal(false, expected('false')), retryConfigSchema])
      .optional()
      .describe('Retry policy; false disables retries.'),
    breaker: z
      .union([z.literal(false, expected('false')), breakerConfigSchema])
      .optional()
      .describe('Circuit breaker; false disables it.'),
    fallback: z
      .union([z.literal(false, expected('false')), fallbackConfigSchema])
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
    loadBalancing: oneOf(['round-robin', 'least-outstanding', 'weighted'])
      .optional()
      .describe('How a call picks one of the upstreams. Default "round-robin".'),
    outlierDetection: orFalse(outlierDetectionConfigSchema)
      .optional()
      .describe('Ejects an upstream after consecutive failures; false disables it. Off by default.'),
    healthCheck: orFalse(healthCheckConfigSchema)
      .optional()
      .describe('Active health checks of the upstreams; false disables them. Off by default.'),
  },
  'a client object { timeoutMs, deadlineMs, retry, breaker, fallback, bulkhead, ... }',
);

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

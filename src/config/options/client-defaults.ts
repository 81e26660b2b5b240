/**
 * The defaults of the client's options, one block per option group, with their units.
 * Zod-free on purpose: the `faultline` entry (createClient) must not load zod
 * (test/package/import-cost.test.ts), so the client reads its defaults here, and the option
 * schemas (src/config/client-config-schema.ts) attach the same values to each option with
 * withDefault, from which the JSON Schema and docs/client-options.md are generated.
 */

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const CLIENT_DEFAULTS = {
  timeoutMs: 10_000, // ms per attempt: connect + headers + whole body
  deadlineMs: 30_000, // ms per call: attempts + backoff
  maxResponseBytes: 10 * 1024 * 1024, // bytes
  connections: 64, // sockets per origin
  keepAliveTimeoutMs: 4_000, // ms idle before a pooled socket is closed
  loadBalancing: 'round-robin',
} as const;

export const RETRY_BUDGET_DEFAULTS = {
  ratio: 0.2, // fraction of recent calls
  minRetriesPerWindow: 10, // retries per window
  windowMs: 10_000, // ms
} as const;

export const RETRY_DEFAULTS = {
  maxAttempts: 3, // attempts, including the first
  baseDelayMs: 100, // ms
  multiplier: 2,
  maxDelayMs: 10_000, // ms, caps backoff and Retry-After
  jitter: 'full',
  retryOnStatus: [408, 429, 500, 502, 503, 504],
  retryOnNetworkError: true,
  respectRetryAfter: true,
  budget: RETRY_BUDGET_DEFAULTS,
} as const;

/**
 * 4xx statuses that may be listed in retry.retryOnStatus: the request itself is fine, the
 * server asks to come back later. Every other 4xx means the request is wrong and retrying it
 * is pointless, so listing one is an error rather than silently ignored.
 */
export const RETRYABLE_4XX: readonly number[] = [408, 425, 429];

export const BREAKER_DEFAULTS = {
  strategy: 'consecutive',
  failureThreshold: 5, // consecutive failures
  windowSize: 20, // calls (count-window)
  windowMs: 10_000, // ms (time-window, slow-call-rate)
  minimumCalls: 10, // calls in the window before a rate means anything
  failureRateThreshold: 0.5, // in (0, 1]
  slowCallDurationMs: 5_000, // ms
  slowCallRateThreshold: 0.5, // in (0, 1]
  resetTimeoutMs: 30_000, // ms spent open before probing
  halfOpenMaxCalls: 1, // concurrent probes
  halfOpenSuccesses: 1, // successful probes to close
  // 408 (the server timed out waiting for us) and every 5xx; 429 is back-pressure, not failure.
  failureStatuses: [408, ...range(500, 599)],
} as const;

export const FALLBACK_DEFAULTS = { status: 200, maxEntries: 1000 } as const;

export const BULKHEAD_DEFAULTS = { maxConcurrent: 64, maxQueue: 0 } as const;

export const RATE_LIMIT_DEFAULTS = { maxWaitMs: 0, pauseOn429: true } as const;

export const HEDGING_DEFAULTS = { delayMs: 'p95', maxHedges: 1, minSamples: 20, minDelayMs: 1 } as const;

export const OUTLIER_DETECTION_DEFAULTS = {
  consecutiveFailures: 5,
  baseEjectionMs: 30_000, // ms
  maxEjectionMs: 300_000, // ms
  maxEjectionPercent: 50, // %
} as const;

export const HEALTH_CHECK_DEFAULTS = {
  intervalMs: 10_000, // ms
  timeoutMs: 1_000, // ms
  healthyThreshold: 2,
  unhealthyThreshold: 3,
} as const;

/** OAuth2 client credentials (auth.kind "oauth2-client-credentials"). */
export const OAUTH2_DEFAULTS = {
  refreshSkewMs: 30_000, // ms before expiry a token is refreshed
  tokenTimeoutMs: 5_000, // ms per token request
} as const;

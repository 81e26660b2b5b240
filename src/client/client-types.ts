import type { Dispatcher } from 'undici';
import type { Event } from '../events/event.ts';
import type { Clock } from '../time/clock.ts';
import type { Random } from '../time/random.ts';
import type { ClientMetrics } from './metrics/client-metrics.ts';

/**
 * The public shape of the reference resilient client. This file is the contract that the
 * adapters, the scenario runner and the reports build on; the implementation lives in
 * create-client.ts and the policies in policies/, breaker/, backoff/, retry/.
 */

/** Jitter applied to exponential backoff (see docs/client.md for the formulas). */
export type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';

export interface RetryOptions {
  /** Total attempts including the first. @default 3 */
  maxAttempts?: number;
  /** First backoff delay, ms. @default 100 */
  baseDelayMs?: number;
  /** Growth factor per attempt. @default 2 */
  multiplier?: number;
  /** Cap on any single delay (also caps Retry-After), ms. @default 10_000 */
  maxDelayMs?: number;
  /** @default 'full' */
  jitter?: Jitter;
  /** Statuses that are retried. @default [408, 429, 500, 502, 503, 504] */
  retryOnStatus?: number[];
  /** Retry network errors (reset, refused, timeout of an attempt). @default true */
  retryOnNetworkError?: boolean;
  /** Honour Retry-After (seconds or HTTP-date): never retry before it. @default true */
  respectRetryAfter?: boolean;
  /**
   * Retry budget: retries may add at most `ratio` of the calls seen in the last `windowMs`,
   * plus `minRetriesPerWindow`, so retries cannot amplify an outage. `false` disables it.
   * @default { ratio: 0.2, minRetriesPerWindow: 10, windowMs: 10_000 }
   */
  budget?: RetryBudgetOptions | false;
}

export interface RetryBudgetOptions {
  /** Fraction of recent calls that may be retries. @default 0.2 */
  ratio?: number;
  /** Floor: retries always allowed per window regardless of traffic. @default 10 */
  minRetriesPerWindow?: number;
  /** Sliding window, ms. @default 10_000 */
  windowMs?: number;
}

export type BreakerStrategy = 'consecutive' | 'count-window' | 'time-window' | 'slow-call-rate';

export interface BreakerOptions {
  /** @default 'consecutive' */
  strategy?: BreakerStrategy;
  /** consecutive: failures in a row that open the circuit. @default 5 */
  failureThreshold?: number;
  /** count-window: number of most recent calls considered. @default 20 */
  windowSize?: number;
  /** time-window and slow-call-rate: window length, ms. @default 10_000 */
  windowMs?: number;
  /** Window strategies: fewer calls than this never open the circuit. @default 10 */
  minimumCalls?: number;
  /** Window strategies: failure rate in [0, 1] that opens the circuit. @default 0.5 */
  failureRateThreshold?: number;
  /** A call slower than this is "slow", ms. @default 5_000 */
  slowCallDurationMs?: number;
  /** slow-call-rate: rate of slow calls in [0, 1] that opens the circuit. @default 0.5 */
  slowCallRateThreshold?: number;
  /** Time spent open before admitting probes, ms. @default 30_000 */
  resetTimeoutMs?: number;
  /** Concurrent probe calls admitted while half-open. @default 1 */
  halfOpenMaxCalls?: number;
  /** Successful probes needed to close. @default 1 */
  halfOpenSuccesses?: number;
  /** Statuses counted as failures. @default [429 is NOT counted] 500..599 and network errors/timeouts */
  failureStatuses?: number[];
}

export type FallbackOptions =
  | { kind: 'default'; value: unknown; status?: number }
  | { kind: 'cache'; maxAgeMs: number; maxEntries?: number }
  | { kind: 'alternate'; baseUrl: string };

/** How a call picks one of several endpoints. */
export type LoadBalancing = 'round-robin' | 'least-outstanding' | 'weighted';

/** One endpoint (origin, optional path prefix) of a service with several. */
export interface EndpointOptions {
  /** Absolute http(s) URL, e.g. `http://127.0.0.1:7011`. */
  url: string;
  /** Relative share of traffic under `loadBalancing: 'weighted'`, > 0. @default 1 */
  weight?: number;
}

/**
 * Outlier ejection as service meshes do it (Envoy): an endpoint that fails
 * `consecutiveFailures` times in a row (5xx or connect failure / attempt timeout) is
 * taken out of rotation for `baseEjectionMs x times ejected` (capped at `maxEjectionMs`).
 */
export interface OutlierDetectionOptions {
  /** Consecutive 5xx / network failures that eject an endpoint. @default 5 */
  consecutiveFailures?: number;
  /** Ejection time of the first ejection; the n-th ejection lasts n times this, ms. @default 30_000 */
  baseEjectionMs?: number;
  /** Cap on one ejection, ms. @default 300_000 */
  maxEjectionMs?: number;
  /** Never more than this percentage of the endpoints ejected at once, 0..100. @default 50 */
  maxEjectionPercent?: number;
}

/** Active health checks: a GET of `path` on every endpoint every `intervalMs`. */
export interface HealthCheckOptions {
  /** Path probed on each endpoint (its baseUrl prefix is not added), e.g. `/healthz`. */
  path: string;
  /** Time between probes of one endpoint, ms. @default 10_000 */
  intervalMs?: number;
  /** Timeout of one probe, ms. @default 1_000 */
  timeoutMs?: number;
  /** Consecutive passing probes that bring an unhealthy endpoint back. @default 2 */
  healthyThreshold?: number;
  /** Consecutive failing probes that take an endpoint out. @default 3 */
  unhealthyThreshold?: number;
}

/**
 * Hedging of idempotent calls: when an attempt has not answered after `delayMs` (or the
 * observed p95), a second attempt is sent; the first success wins and the loser is aborted.
 * Each hedge consumes one retry from the retry budget.
 */
export interface HedgingOptions {
  /** Fixed hedge delay in ms, or `'p95'` of the recently observed attempt latencies. @default 'p95' */
  delayMs?: number | 'p95';
  /** Extra attempts at most per call attempt. @default 1 */
  maxHedges?: number;
  /** With `'p95'`: latencies needed before hedging starts; until then no hedge is sent. @default 20 */
  minSamples?: number;
  /** With `'p95'`: a floor on the computed delay, ms. @default 1 */
  minDelayMs?: number;
}

/** Credentials sent with every request. */
export type AuthOptions =
  | {
      kind: 'api-key';
      key: string;
      /** Header carrying the key. @default 'x-api-key' */
      header?: string;
    }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; username: string; password: string }
  | {
      kind: 'oauth2-client-credentials';
      /** Absolute URL of the token endpoint. */
      tokenUrl: string;
      clientId: string;
      clientSecret: string;
      scope?: string;
      audience?: string;
      /** A token is refreshed this long before it expires, ms. @default 30_000 */
      refreshSkewMs?: number;
      /** Timeout of one token request, ms. @default 5_000 */
      tokenTimeoutMs?: number;
    };

/** Extra secrets to keep out of events, errors, logs and reports. */
export interface RedactOptions {
  /** Header names (any case) redacted in addition to the defaults (Authorization, Cookie, ...). */
  headers?: string[];
  /** JSON body field names (any depth) redacted, e.g. personal or health data: `['email', 'diagnosis']`. */
  bodyFields?: string[];
}

/** Health of one endpoint as `client.health()` reports it. */
export interface EndpointHealth {
  url: string;
  /** `ejected` by outlier detection, `unhealthy` by active health checks. */
  status: 'healthy' | 'ejected' | 'unhealthy';
  /** Requests in flight. */
  outstanding: number;
  consecutiveFailures: number;
  timesEjected: number;
  /** Clock reading when the current ejection ends (when ejected). */
  ejectedUntil?: number;
}

/** `healthy`: every endpoint in rotation; `degraded`: some; `unhealthy`: none, or the breaker is open. */
export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface ServiceHealth {
  service: string;
  status: HealthStatus;
  breakerState: BreakerState;
  endpoints: EndpointHealth[];
}

/** Bulkhead: caps the calls in flight to the service (see docs/client.md). */
export interface BulkheadOptions {
  /** Calls running at once. @default 64 */
  maxConcurrent?: number;
  /** Calls waiting for a slot (FIFO, up to their deadline); 0 rejects at once when full. @default 0 */
  maxQueue?: number;
}

/** Client-side token-bucket rate limit, per attempt (retries take tokens too). */
export interface RateLimitOptions {
  /** Tokens added per second. */
  ratePerSec: number;
  /** Bucket size: the largest burst. @default max(1, ceil(ratePerSec)) */
  burst?: number;
  /** Longest wait for a token before failing with FAULTLINE_RATE_LIMITED, ms. @default 0 */
  maxWaitMs?: number;
  /** A 429 with Retry-After pauses the bucket until then. @default true */
  pauseOn429?: boolean;
}

export interface ClientOptions {
  /** Name of the external service: metrics label, error messages. */
  service: string;
  /** Origin (and optional path prefix) of the service, e.g. `http://127.0.0.1:7001`. */
  baseUrl: string;
  /** Per-attempt timeout covering connect, headers and the whole body, ms. @default 10_000 */
  timeoutMs?: number;
  /** Overall deadline for a call including retries and backoff, ms. @default 30_000 */
  deadlineMs?: number;
  /** Responses larger than this fail with FAULTLINE_BODY_TOO_LARGE, bytes. @default 10 MiB */
  maxResponseBytes?: number;
  /** Connections per origin. @default 64 */
  connections?: number;
  /** Idle keep-alive, ms. @default 4_000 */
  keepAliveTimeoutMs?: number;
  /** Headers sent on every request. */
  headers?: Record<string, string>;
  /** `false` disables retries. */
  retry?: RetryOptions | false;
  /** `false` disables the breaker. */
  breaker?: BreakerOptions | false;
  fallback?: FallbackOptions;
  /**
   * Transport. Defaults to an undici Pool for the origin. Interceptors (fault injection,
   * recording) are composed over it with `dispatcher.compose(...)`.
   */
  dispatcher?: Dispatcher;
  /** undici interceptors composed over the dispatcher, outermost first. */
  interceptors?: Dispatcher.DispatcherComposeInterceptor[];
  /** @default systemClock */
  clock?: Clock;
  /** Randomness for jitter. @default seeded from `seed` */
  random?: Random;
  /** @default 1 */
  seed?: number;
  /** Several endpoints of the service; when set, `baseUrl` is only the default path prefix source. */
  endpoints?: EndpointOptions[];
  /** @default 'round-robin' */
  loadBalancing?: LoadBalancing;
  /** Outlier ejection of endpoints (needs `endpoints`); off when absent. */
  outlierDetection?: OutlierDetectionOptions;
  /** Active health checks of endpoints; off when absent. */
  healthCheck?: HealthCheckOptions;
  /** Hedging of idempotent calls; off when absent. */
  hedging?: HedgingOptions;
  auth?: AuthOptions;
  redact?: RedactOptions;
  /** Bulkhead (max concurrent calls + bounded queue); off when absent or `false`. */
  bulkhead?: BulkheadOptions | false;
  /** Token-bucket rate limit; off when absent or `false`. */
  rateLimit?: RateLimitOptions | false;
  /**
   * Registry shared by several clients (one `service` label each), e.g. a
   * ClientMetricsRegistry served on /metrics. The client adds itself and leaves on close().
   */
  metricsRegistry?: { add(metrics: ClientMetrics): () => void };
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface RequestOptions {
  method?: HttpMethod;
  /** Path relative to baseUrl, e.g. `/v1/predict`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Serialised with JSON.stringify and sent as application/json. */
  json?: unknown;
  body?: string | Uint8Array;
  /** Makes a non-idempotent call retryable; sent as `Idempotency-Key`. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Overrides the per-attempt timeout for this call, ms. */
  timeoutMs?: number;
  /** Overrides the overall deadline for this call, ms. */
  deadlineMs?: number;
  /** Key for the last-good cache fallback. @default method + path + query */
  cacheKey?: string;
}

export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

export type FallbackKind = 'default' | 'cache' | 'alternate';

/** What happened during one call, attached to its response or error. */
export interface CallOutcome {
  requestId: string;
  /** Attempts that reached the transport (0 when short-circuited). */
  attempts: number;
  durationMs: number;
  /** Breaker state when the call finished. */
  breakerState: BreakerState;
  shortCircuited: boolean;
  fallback?: FallbackKind;
  /** True when a cached fallback served an entry. */
  stale?: boolean;
  /** Error code of the last failure, if any attempt failed. */
  lastErrorCode?: string;
}

export interface ClientResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The whole body (already read, at most maxResponseBytes). */
  body: Uint8Array;
  text(): string;
  json<T = unknown>(): T;
  outcome: CallOutcome;
}

export interface RetryEvent {
  service: string;
  requestId: string;
  attempt: number;
  delayMs: number;
  reason: string;
}
export interface BreakerStateChangeEvent {
  service: string;
  from: BreakerState;
  to: BreakerState;
  at: number;
}
export interface FallbackEvent {
  service: string;
  requestId: string;
  kind: FallbackKind;
  errorCode: string;
}
export interface AttemptEvent {
  service: string;
  requestId: string;
  attempt: number;
  startedAt: number;
  durationMs: number;
  status?: number;
  errorCode?: string;
  /**
   * Origin the attempt was sent to, with `endpoints` configured (e.g. `http://127.0.0.1:7011`);
   * for a hedged race, that of the leg whose result the attempt reports.
   */
  origin?: string;
}
export interface CallEvent {
  service: string;
  startedAt: number;
  outcome: CallOutcome;
  status?: number;
  errorCode?: string;
}

export interface ClientEvents {
  onRetry: Event<RetryEvent>;
  onBreakerStateChange: Event<BreakerStateChangeEvent>;
  onFallback: Event<FallbackEvent>;
  /** Every attempt that reached the transport. */
  onAttempt: Event<AttemptEvent>;
  /** Every finished call, success or failure. */
  onCall: Event<CallEvent>;
}

export interface MetricsSnapshot {
  service: string;
  calls: number;
  attempts: number;
  successes: number;
  failures: number;
  failuresByCode: Record<string, number>;
  retries: number;
  shortCircuits: number;
  fallbacks: number;
  budgetExhausted: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; count: number };
  breakerState: BreakerState;
  breakerTransitions: number;
  /** Calls rejected by the bulkhead (present when a bulkhead is configured). */
  bulkheadRejected?: number;
  /** Attempts refused by the rate limiter (present when a rate limit is configured). */
  rateLimited?: number;
}

export interface ResilientClient extends ClientEvents {
  readonly service: string;
  request(options: RequestOptions): Promise<ClientResponse>;
  metrics(): MetricsSnapshot;
  /** Prometheus text exposition of this client's metrics. */
  prometheus(): Promise<string>;
  readonly breaker: {
    readonly state: BreakerState;
    isolate(): void;
    reset(): void;
  };
  /** Health of each endpoint and of the service overall. */
  health?(): ServiceHealth;
  /** Releases every socket and timer. */
  close(): Promise<void>;
}

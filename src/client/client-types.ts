import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import type {
  breakerConfigSchema,
  bulkheadConfigSchema,
  clientConfigSchema,
  fallbackConfigSchema,
  healthCheckConfigSchema,
  hedgingConfigSchema,
  outlierDetectionConfigSchema,
  rateLimitConfigSchema,
  retryBudgetSchema,
  retryConfigSchema,
} from '../config/client-config-schema.ts';
import type { Event } from '../events/event.ts';
import type { Clock } from '../time/clock.ts';
import type { Random } from '../time/random.ts';
import type { ClientMetrics } from './metrics/client-metrics.ts';

/**
 * The public shape of the reference resilient client. This file is the contract that the
 * adapters, the scenario runner and the reports build on; the implementation lives in
 * create-client.ts and the policies in policies/, breaker/, backoff/, retry/.
 */

// The options a YAML file can also hold are declared once, with their defaults, units and
// descriptions, in src/config/client-config-schema.ts; their types derive from it.
/** Jitter applied to exponential backoff (see docs/client.md for the formulas). */
export type Jitter = NonNullable<RetryOptions['jitter']>;
/** Retry policy options; defaults and units in src/config/client-config-schema.ts. */
export type RetryOptions = z.input<typeof retryConfigSchema>;
/** Retry budget options; defaults and units in src/config/client-config-schema.ts. */
export type RetryBudgetOptions = z.input<typeof retryBudgetSchema>;
export type BreakerStrategy = NonNullable<BreakerOptions['strategy']>;
/** Circuit breaker options; defaults and units in src/config/client-config-schema.ts. */
export type BreakerOptions = z.input<typeof breakerConfigSchema>;
export type FallbackOptions = z.input<typeof fallbackConfigSchema>;

/** How a call picks one of several endpoints. */
export type LoadBalancing = NonNullable<z.input<typeof clientConfigSchema>['loadBalancing']>;

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
 * Defaults and units in src/config/client-config-schema.ts.
 */
export type OutlierDetectionOptions = z.input<typeof outlierDetectionConfigSchema>;

/** Active health checks: a GET of `path` on every endpoint every `intervalMs`. */
export type HealthCheckOptions = z.input<typeof healthCheckConfigSchema>;

/**
 * Hedging of idempotent calls: when an attempt has not answered after `delayMs` (or the
 * observed p95), a second attempt is sent; the first success wins and the loser is aborted.
 * Each hedge consumes one retry from the retry budget.
 */
export type HedgingOptions = z.input<typeof hedgingConfigSchema>;

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
export type BulkheadOptions = z.input<typeof bulkheadConfigSchema>;

/** Client-side token-bucket rate limit, per attempt (retries take tokens too). */
export type RateLimitOptions = z.input<typeof rateLimitConfigSchema>;

/**
 * Options of createClient. The ones a YAML file can also hold (timeouts, retry, breaker, ...)
 * are declared with their defaults in src/config/client-config-schema.ts and checked by it.
 */
export interface ClientOptions {
  /** Name of the external service: metrics label, error messages. */
  service: string;
  /** Origin (and optional path prefix) of the service, e.g. `http://127.0.0.1:7001`. */
  baseUrl: string;
  /** Per-attempt timeout covering connect, headers and the whole body, ms. */
  timeoutMs?: number;
  /** Overall deadline for a call including retries and backoff, ms. */
  deadlineMs?: number;
  /** Responses larger than this fail with FAULTLINE_BODY_TOO_LARGE, bytes. */
  maxResponseBytes?: number;
  /** Connections per origin. */
  connections?: number;
  /** Idle keep-alive, ms. */
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

/**
 * A response whose body arrives as a stream (`client.stream()`): settled when the headers
 * arrive. The attempt's timeout and `maxResponseBytes` still cover the whole body: either
 * destroys `body` with FAULTLINE_TIMEOUT / FAULTLINE_BODY_TOO_LARGE.
 */
export interface StreamingClientResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
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
  /**
   * Like `request`, with the body as a stream, for large bodies: retries, breaker, deadline
   * and fallback work as for `request` until the headers of an answer arrive; the call ends
   * there (its outcome, metrics and bulkhead slot), and the body follows in `body`.
   * docs/client.md, "Streaming bodies".
   */
  stream(options: RequestOptions): Promise<StreamingClientResponse>;
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

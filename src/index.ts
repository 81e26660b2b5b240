/**
 * `faultline`: the resilient HTTP client, its errors and the clock. Loads undici and
 * nothing heavy (no Pact, MSW, fast-check or zod): importing it is cheap.
 *
 * The other concerns have their own entry points: `faultline/proxy` (the Toxiproxy-compatible
 * fault proxy), `faultline/scenario` (scenarios, the registry, invariants), `faultline/contracts`
 * (Pact verification), `faultline/report` (run results and reporters), `faultline/services`
 * (the reference services) and `faultline/vitest` (fault injection in your own tests).
 *
 * Every export is listed explicitly (api/faultline.api.txt is the reviewed list); internal
 * modules never import from this file.
 *
 * @example
 * import { createClient, HttpStatusError } from 'faultline';
 * const client = createClient({ baseUrl: 'http://127.0.0.1:8080', retry: { maxAttempts: 3 } });
 */

export { oauth2Defaults } from './client/auth/create-auth-provider.ts';
export type { Backoff, BackoffOptions } from './client/backoff/create-backoff.ts';
export { createBackoff } from './client/backoff/create-backoff.ts';
export type { BreakerOutcome } from './client/breaker/breaker-outcome.ts';
export { breakerOutcomeOf } from './client/breaker/breaker-outcome.ts';
export type { BreakerPermit, BreakerTransition } from './client/breaker/circuit-breaker.ts';
export { breakerDefaults, CircuitBreaker } from './client/breaker/circuit-breaker.ts';
export { Bulkhead, bulkheadDefaults } from './client/bulkhead/bulkhead.ts';
export { getCallOutcome } from './client/client-response.ts';
export type {
  AttemptEvent,
  AuthOptions,
  BreakerOptions,
  BreakerState,
  BreakerStateChangeEvent,
  BreakerStrategy,
  BulkheadOptions,
  CallEvent,
  CallOutcome,
  ClientEvents,
  ClientOptions,
  ClientResponse,
  EndpointHealth,
  EndpointOptions,
  FallbackEvent,
  FallbackKind,
  FallbackOptions,
  HealthCheckOptions,
  HealthStatus,
  HedgingOptions,
  HttpMethod,
  Jitter,
  LoadBalancing,
  MetricsSnapshot,
  OutlierDetectionOptions,
  RateLimitOptions,
  RedactOptions,
  RequestOptions,
  ResilientClient,
  RetryBudgetOptions,
  RetryEvent,
  RetryOptions,
  ServiceHealth,
  StreamingClientResponse,
} from './client/client-types.ts';
export { createClient } from './client/create-client.ts';
export {
  healthCheckDefaults,
  outlierDetectionDefaults,
} from './client/endpoints/resolve-endpoint-options.ts';
export { hedgingDefaults } from './client/hedging/resolve-hedging-options.ts';
export { ClientMetricsRegistry } from './client/metrics/client-metrics-registry.ts';
export type { MetricsServer, ServeMetricsOptions } from './client/metrics/serve-metrics.ts';
export { serveMetrics } from './client/metrics/serve-metrics.ts';
export { TokenBucket } from './client/rate-limit/token-bucket.ts';
export { clientDefaults } from './client/resolve-client-options.ts';
export { parseRetryAfter } from './client/retry/parse-retry-after.ts';
export { RetryBudget } from './client/retry/retry-budget.ts';
export type { AttemptResult, RetryDecision, RetryDecisionInput } from './client/retry/retry-policy.ts';
export { RetryPolicy, retryBudgetDefaults, retryDefaults } from './client/retry/retry-policy.ts';
export { AbortedError } from './errors/aborted-error.ts';
export { AuthTokenError } from './errors/auth-token-error.ts';
export { BodyTooLargeError } from './errors/body-too-large-error.ts';
export { BreakerOpenError } from './errors/breaker-open-error.ts';
export { BulkheadFullError } from './errors/bulkhead-full-error.ts';
export { DeadlineExceededError } from './errors/deadline-exceeded-error.ts';
export { FaultlineError, isFaultlineError } from './errors/faultline-error.ts';
export type { FailedResponse } from './errors/http-status-error.ts';
export { HttpStatusError } from './errors/http-status-error.ts';
export { InvalidOptionsError } from './errors/invalid-options-error.ts';
export { InvalidResponseError } from './errors/invalid-response-error.ts';
export { NetworkError } from './errors/network-error.ts';
export { RateLimitedError } from './errors/rate-limited-error.ts';
export { RetryBudgetExhaustedError } from './errors/retry-budget-exhausted-error.ts';
export { TimeoutError } from './errors/timeout-error.ts';
export type { Disposable, Event } from './events/event.ts';
export { EventEmitter } from './events/event.ts';
export { redact } from './redaction/redact.ts';
export {
  DEFAULT_REDACTED_FIELDS,
  DEFAULT_REDACTED_HEADERS,
  REDACTED,
} from './redaction/redaction-defaults.ts';
export type { RedactorOptions } from './redaction/redactor.ts';
export { Redactor } from './redaction/redactor.ts';
export type { Cancel, Clock } from './time/clock.ts';
export { ManualClock } from './time/manual-clock.ts';
export type { Random } from './time/random.ts';
export { createRandom, deriveRandom } from './time/random.ts';
export { SystemClock, systemClock } from './time/system-clock.ts';

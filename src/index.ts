/**
 * Faultline's public API. Every export is listed explicitly; internal modules never
 * import from this file.
 */

export type { CheckSummary, PropertyCheckResult } from './check/check-result.ts';
export type { RunChecksOptions } from './check/run-checks.ts';
export { runChecks } from './check/run-checks.ts';
export { oauth2Defaults } from './client/auth/create-auth-provider.ts';
export type { Backoff, BackoffOptions } from './client/backoff/create-backoff.ts';
export { createBackoff } from './client/backoff/create-backoff.ts';
export type { BreakerOutcome } from './client/breaker/breaker-outcome.ts';
export { breakerOutcomeOf } from './client/breaker/breaker-outcome.ts';
export type {
  BreakerPermit,
  BreakerTransition as CircuitBreakerTransition,
  ResolvedBreakerOptions,
} from './client/breaker/circuit-breaker.ts';
export { breakerDefaults, CircuitBreaker, resolveBreakerOptions } from './client/breaker/circuit-breaker.ts';
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
export type {
  AttemptResult,
  ResolvedRetryOptions,
  RetryDecision,
  RetryDecisionInput,
} from './client/retry/retry-policy.ts';
export {
  RetryPolicy,
  resolveRetryOptions,
  retryBudgetDefaults,
  retryDefaults,
} from './client/retry/retry-policy.ts';
export type {
  BreakerConfig,
  ClientConfig,
  FallbackConfig,
  RetryConfig,
} from './config/client-config-schema.ts';
export { ConfigInvalidError } from './config/config-invalid-error.ts';
export { DEFAULT_FAULTLINE_CONFIG } from './config/default-faultline-config.ts';
export type {
  FaultlineConfig,
  ReferenceServiceName,
  RequestDefaults,
  ServiceEntry,
} from './config/faultline-config-schema.ts';
export { REFERENCE_SERVICE_NAMES } from './config/faultline-config-schema.ts';
export type { LoadFaultlineConfigOptions } from './config/load-faultline-config.ts';
export {
  FAULTLINE_CONFIG_FILE,
  loadFaultlineConfig,
  parseFaultlineConfig,
} from './config/load-faultline-config.ts';
export type { ServiceClientOptions } from './config/resolve-service-client-options.ts';
export { mergeClientConfig, resolveServiceClientOptions } from './config/resolve-service-client-options.ts';
export { resolveServiceRequest } from './config/resolve-service-request.ts';
export type { InputIssue } from './config/yaml/input-issue.ts';
export { formatInputIssue } from './config/yaml/input-issue.ts';
export type { ContractResult, VerifyPactsResult } from './contracts/contract-result.ts';
export { ContractsError } from './contracts/contracts-error.ts';
export { verifyPacts } from './contracts/verify-pacts.ts';
export type { BrokerOptions, VerifyPactsOptions } from './contracts/verify-pacts-options.ts';
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
export type { ProxyConfig } from './proxy/proxy-config.ts';
export type { FaultProxy, FaultProxyOptions } from './proxy/start-fault-proxy.ts';
export { faultProxyDefaults, startFaultProxy } from './proxy/start-fault-proxy.ts';
export { redact } from './redaction/redact.ts';
export {
  DEFAULT_REDACTED_FIELDS,
  DEFAULT_REDACTED_HEADERS,
  REDACTED,
} from './redaction/redaction-defaults.ts';
export type { RedactorOptions } from './redaction/redactor.ts';
export { Redactor } from './redaction/redactor.ts';
export { redactorFor } from './redaction/redactor-for.ts';
export type { BuildRunResultOptions } from './report/build-run-result.ts';
export { buildRunResult } from './report/build-run-result.ts';
export type { DiffThresholds, RunDiff, ScenarioDiff } from './report/diff-run-results.ts';
export { DEFAULT_DIFF_THRESHOLDS, diffRunResults } from './report/diff-run-results.ts';
export { formatRunDiff } from './report/format-run-diff.ts';
export { loadRunResult } from './report/load-run-result.ts';
export { mergeRunResults } from './report/merge-run-results.ts';
export type { ReportErrorCode } from './report/report-error.ts';
export { ReportError } from './report/report-error.ts';
export { consoleReporter } from './report/reporters/console.ts';
export { htmlReporter } from './report/reporters/html.ts';
export { jsonReporter } from './report/reporters/json.ts';
export { junitReporter } from './report/reporters/junit.ts';
export { markdownReporter } from './report/reporters/markdown.ts';
export type { RenderOptions, Reporter } from './report/reporters/reporter.ts';
export { DEFAULT_REPORTERS, getReporter, reporters } from './report/reporters/reporter-registry.ts';
export type {
  BreakerTransition,
  CheckResult,
  ContractResult as ReportContractResult,
  CountTotals,
  LatencySummary,
  Metrics,
  PhaseResult,
  RunResult,
  RunTotals,
  ScenarioResult,
  ScenarioVerdict,
  TimeBucket,
  TimeSeries,
} from './report/run-result.ts';
export { REPORT_SCHEMA_VERSION } from './report/run-result.ts';
export { writeReports } from './report/write-reports.ts';
export { InProcessDispatcher } from './scenario/dispatch/in-process-dispatcher.ts';
export { EventLogWriter } from './scenario/event-log-writer.ts';
export { createHttpFaultInterceptor } from './scenario/faults/http/create-http-fault-interceptor.ts';
export { HttpFaultSet } from './scenario/faults/http/http-fault-set.ts';
export type { HttpFaultSpec } from './scenario/faults/http/http-fault-spec.ts';
export type { HypothesisEvaluator } from './scenario/hypotheses/create-hypothesis-evaluator.ts';
export { createHypothesisEvaluator } from './scenario/hypotheses/create-hypothesis-evaluator.ts';
export type { LoadResponse, LoadTarget } from './scenario/load/load-target.ts';
export type { ClientFactory } from './scenario/load-client-module.ts';
export type { LoadedScenario, LoadScenarioFileOptions } from './scenario/load-scenario-file.ts';
export { checkScenarioFile, loadScenarioFile, parseScenario } from './scenario/load-scenario-file.ts';
export type { LoadScenariosOptions } from './scenario/load-scenarios.ts';
export { DEFAULT_SCENARIO_GLOB, loadScenarios } from './scenario/load-scenarios.ts';
export type { RunScenarioOptions, ScenarioOutcome, ScenarioProgress } from './scenario/run-scenario.ts';
export { runScenario } from './scenario/run-scenario.ts';
export type { RunScenariosOptions, RunSummary } from './scenario/run-scenarios.ts';
export { runScenarios } from './scenario/run-scenarios.ts';
export type { ScaffoldScenarioOptions } from './scenario/scaffold-scenario.ts';
export { ScenarioExistsError, scaffoldScenario } from './scenario/scaffold-scenario.ts';
export type { ScenarioEnvironment } from './scenario/scenario-environment.ts';
export { ScenarioInvalidError } from './scenario/scenario-invalid-error.ts';
export { ScenarioNotFoundError } from './scenario/scenario-not-found-error.ts';
export type { DelayDistribution, DelaySpec } from './scenario/schema/delay-spec-schema.ts';
export type { Fault } from './scenario/schema/fault-schema.ts';
export { isTcpFault } from './scenario/schema/fault-schema.ts';
export type { HttpFault, HttpFaultEffect, HttpMethodName } from './scenario/schema/http-fault-schema.ts';
export type {
  Hypothesis,
  HypothesisKind,
  HypothesisSpec,
  LatencyPercentile,
} from './scenario/schema/hypothesis-schema.ts';
export { hypothesisKind } from './scenario/schema/hypothesis-schema.ts';
export { generateJsonSchemas } from './scenario/schema/json-schemas.ts';
export type { LoadSpec, RequestSpec } from './scenario/schema/load-spec-schema.ts';
export type { Phase } from './scenario/schema/phase-schema.ts';
export { resolveScenarioMode } from './scenario/schema/resolve-scenario-mode.ts';
export type { Scenario, ScenarioInput, ScenarioMode } from './scenario/schema/scenario-schema.ts';
export { scenarioSchema } from './scenario/schema/scenario-schema.ts';
export type {
  TcpDownFault,
  TcpFault,
  TcpToxicFault,
  ToxicAttributes,
  ToxicStream,
  ToxicType,
} from './scenario/schema/tcp-fault-schema.ts';
export type { UndoFailure } from './scenario/undo-stack.ts';
export { UndoStack } from './scenario/undo-stack.ts';
export { runInVirtualTime } from './scenario/virtual/run-in-virtual-time.ts';
export type { AdapterClient } from './services/adapter-client.ts';
export type {
  AnalyticsAdapter,
  AnalyticsAdapterOptions,
  AnalyticsEvent,
  AnalyticsStats,
  FlushResult,
} from './services/analytics/analytics-adapter.ts';
export {
  ANALYTICS_ADAPTER_DEFAULTS,
  createAnalyticsAdapter,
} from './services/analytics/analytics-adapter.ts';
export type { AnalyticsHandlerOptions } from './services/analytics/analytics-handler.ts';
export { createAnalyticsHandler } from './services/analytics/analytics-handler.ts';
export type {
  AuthAdapter,
  AuthAdapterOptions,
  TokenClaims,
  VerifyResult,
} from './services/auth/auth-adapter.ts';
export { createAuthAdapter } from './services/auth/auth-adapter.ts';
export type { AuthHandlerOptions } from './services/auth/auth-handler.ts';
export { createAuthHandler } from './services/auth/auth-handler.ts';
export { STATE_PATH } from './services/create-router.ts';
export type { ServiceHandlerOptions } from './services/create-service-handler.ts';
export { createServiceHandler } from './services/create-service-handler.ts';
export type {
  DegradedPrediction,
  InferenceAdapter,
  InferenceAdapterOptions,
  ModelInfo,
  Prediction,
  PredictResult,
} from './services/inference/inference-adapter.ts';
export {
  createInferenceAdapter,
  INFERENCE_ADAPTER_DEFAULTS,
} from './services/inference/inference-adapter.ts';
export type { InferenceHandlerOptions } from './services/inference/inference-handler.ts';
export { createInferenceHandler } from './services/inference/inference-handler.ts';
export { MalformedResponseError } from './services/malformed-response-error.ts';
export type {
  Notification,
  NotificationStatus,
  NotifyAdapter,
  NotifyAdapterOptions,
  NotifyChannel,
  NotifyStats,
  RedeliverResult,
  SendResult,
} from './services/notify/notify-adapter.ts';
export { createNotifyAdapter, NOTIFY_ADAPTER_DEFAULTS } from './services/notify/notify-adapter.ts';
export type { NotifyHandlerOptions } from './services/notify/notify-handler.ts';
export { createNotifyHandler } from './services/notify/notify-handler.ts';
export type { QueuedNotification } from './services/notify/notify-outbox.ts';
export type {
  SearchAdapter,
  SearchAdapterOptions,
  SearchHit,
  SearchResult,
} from './services/search/search-adapter.ts';
export { createSearchAdapter, SEARCH_ADAPTER_DEFAULTS } from './services/search/search-adapter.ts';
export type { SearchHandlerOptions } from './services/search/search-handler.ts';
export { createSearchHandler } from './services/search/search-handler.ts';
export { SearchUnavailableError } from './services/search/search-unavailable-error.ts';
export type { ServedHandler, ServeHandlerOptions } from './services/serve-handler.ts';
export { SERVE_HANDLER_DEFAULTS, ServeError, serveHandler } from './services/serve-handler.ts';
export type { ServiceHandler, ServiceRequest, ServiceResponse } from './services/service-handler.ts';
export type { ServiceName } from './services/service-names.ts';
export { isServiceName, SERVICE_NAMES } from './services/service-names.ts';
export { ServiceRejectedError } from './services/service-rejected-error.ts';
export { ServiceUnavailableError } from './services/service-unavailable-error.ts';
export type { RunningServices, StartServicesOptions } from './services/start-services.ts';
export { startServices } from './services/start-services.ts';
export type { Cancel, Clock } from './time/clock.ts';
export { ManualClock } from './time/manual-clock.ts';
export type { Random } from './time/random.ts';
export { createRandom, deriveRandom } from './time/random.ts';
export { SystemClock, systemClock } from './time/system-clock.ts';

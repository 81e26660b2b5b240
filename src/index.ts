/**
 * Faultline's public API. Every export is listed explicitly; internal modules never
 * import from this file.
 */
export { FaultlineError, isFaultlineError } from './errors/faultline-error.ts';
export { InvalidOptionsError } from './errors/invalid-options-error.ts';
export type { Disposable, Event } from './events/event.ts';
export { EventEmitter } from './events/event.ts';
export type { Cancel, Clock } from './time/clock.ts';
export { ManualClock } from './time/manual-clock.ts';
export type { Random } from './time/random.ts';
export { createRandom, deriveRandom } from './time/random.ts';
export { SystemClock, systemClock } from './time/system-clock.ts';
export type {
  BreakerConfig,
  ClientConfig,
  FallbackConfig,
  RetryConfig,
} from './config/client-config-schema.ts';
export type {
  FaultlineConfig,
  ReferenceServiceName,
  RequestDefaults,
  ServiceEntry,
} from './config/faultline-config-schema.ts';
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
export type { LoadSpec, RequestSpec } from './scenario/schema/load-spec-schema.ts';
export type { Phase } from './scenario/schema/phase-schema.ts';
export { resolveScenarioMode } from './scenario/schema/resolve-scenario-mode.ts';
export type { Scenario, ScenarioInput, ScenarioMode } from './scenario/schema/scenario-schema.ts';
export type {
  TcpDownFault,
  TcpFault,
  TcpToxicFault,
  ToxicAttributes,
  ToxicStream,
  ToxicType,
} from './scenario/schema/tcp-fault-schema.ts';
export type { ProxyConfig } from './proxy/proxy-config.ts';
export type { FaultProxy, FaultProxyOptions } from './proxy/start-fault-proxy.ts';
export { faultProxyDefaults, startFaultProxy } from './proxy/start-fault-proxy.ts';
export type { AdapterClient } from './services/adapter-client.ts';
export { MalformedResponseError } from './services/malformed-response-error.ts';
export { ServiceRejectedError } from './services/service-rejected-error.ts';
export { ServiceUnavailableError } from './services/service-unavailable-error.ts';
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
export type {
  AuthAdapter,
  AuthAdapterOptions,
  TokenClaims,
  VerifyResult,
} from './services/auth/auth-adapter.ts';
export { createAuthAdapter } from './services/auth/auth-adapter.ts';
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
export type { QueuedNotification } from './services/notify/notify-outbox.ts';
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
export type {
  SearchAdapter,
  SearchAdapterOptions,
  SearchHit,
  SearchResult,
} from './services/search/search-adapter.ts';
export { createSearchAdapter, SEARCH_ADAPTER_DEFAULTS } from './services/search/search-adapter.ts';
export { SearchUnavailableError } from './services/search/search-unavailable-error.ts';

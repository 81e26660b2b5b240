/**
 * `faultline/services`: the five reference services (inference, auth, notify, analytics,
 * search) as in-process handlers and HTTP servers, with their typed adapters. They are the
 * demo world of `faultline run` in Faultline's own clone and handy upstreams in tests;
 * your own services need none of this (docs/services.md).
 *
 * @example
 * import { startServices } from 'faultline/services';
 * const services = await startServices();
 * await services.close();
 */

export type { AdapterClient } from './adapter-client.ts';
export type {
  AnalyticsAdapter,
  AnalyticsAdapterOptions,
  AnalyticsEvent,
  AnalyticsStats,
  FlushResult,
} from './analytics/analytics-adapter.ts';
export {
  ANALYTICS_ADAPTER_DEFAULTS,
  createAnalyticsAdapter,
} from './analytics/analytics-adapter.ts';
export type { AnalyticsHandlerOptions } from './analytics/analytics-handler.ts';
export { createAnalyticsHandler } from './analytics/analytics-handler.ts';
export type {
  AuthAdapter,
  AuthAdapterOptions,
  TokenClaims,
  VerifyResult,
} from './auth/auth-adapter.ts';
export { createAuthAdapter } from './auth/auth-adapter.ts';
export type { AuthHandlerOptions } from './auth/auth-handler.ts';
export { createAuthHandler } from './auth/auth-handler.ts';
export { STATE_PATH } from './create-router.ts';
export type { ServiceHandlerOptions } from './create-service-handler.ts';
export { createServiceHandler } from './create-service-handler.ts';
export type {
  DegradedPrediction,
  InferenceAdapter,
  InferenceAdapterOptions,
  ModelInfo,
  Prediction,
  PredictResult,
} from './inference/inference-adapter.ts';
export {
  createInferenceAdapter,
  INFERENCE_ADAPTER_DEFAULTS,
} from './inference/inference-adapter.ts';
export type { InferenceHandlerOptions } from './inference/inference-handler.ts';
export { createInferenceHandler } from './inference/inference-handler.ts';
export { MalformedResponseError } from './malformed-response-error.ts';
export type {
  Notification,
  NotificationStatus,
  NotifyAdapter,
  NotifyAdapterOptions,
  NotifyChannel,
  NotifyStats,
  RedeliverResult,
  SendResult,
} from './notify/notify-adapter.ts';
export { createNotifyAdapter, NOTIFY_ADAPTER_DEFAULTS } from './notify/notify-adapter.ts';
export type { NotifyHandlerOptions } from './notify/notify-handler.ts';
export { createNotifyHandler } from './notify/notify-handler.ts';
export type { QueuedNotification } from './notify/notify-outbox.ts';
export type {
  SearchAdapter,
  SearchAdapterOptions,
  SearchHit,
  SearchResult,
} from './search/search-adapter.ts';
export { createSearchAdapter, SEARCH_ADAPTER_DEFAULTS } from './search/search-adapter.ts';
export type { SearchHandlerOptions } from './search/search-handler.ts';
export { createSearchHandler } from './search/search-handler.ts';
export { SearchUnavailableError } from './search/search-unavailable-error.ts';
export type { ServedHandler, ServeHandlerOptions } from './serve-handler.ts';
export { SERVE_HANDLER_DEFAULTS, ServeError, serveHandler } from './serve-handler.ts';
export type { ServiceHandler, ServiceRequest, ServiceResponse } from './service-handler.ts';
export type { ServiceName } from './service-names.ts';
export { isServiceName, SERVICE_NAMES } from './service-names.ts';
export { ServiceRejectedError } from './service-rejected-error.ts';
export { ServiceUnavailableError } from './service-unavailable-error.ts';
export type { RunningServices, StartServicesOptions } from './start-services.ts';
export { startServices } from './start-services.ts';

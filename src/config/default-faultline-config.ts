import type { FaultlineConfig } from './faultline-config-schema.ts';

/**
 * The built-in service registry, used when there is no faultline.config.yaml. It is the
 * same content as the faultline.config.yaml shipped at the repository root (a test keeps
 * them equal); the reasons behind each service's settings are commented there.
 */
export const DEFAULT_FAULTLINE_CONFIG: FaultlineConfig = {
  consumer: 'faultline',
  services: {
    inference: {
      provider: 'inference-service',
      pact: 'contracts/faultline-inference-service.json',
      reference: 'inference',
      slo: { maxCallMs: 5000 },
      client: {
        timeoutMs: 1000,
        deadlineMs: 5000,
        retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, jitter: 'full' },
        breaker: {
          strategy: 'consecutive',
          failureThreshold: 5,
          resetTimeoutMs: 10_000,
          halfOpenMaxCalls: 1,
        },
        fallback: { kind: 'cache', maxAgeMs: 60_000, maxEntries: 1000 },
      },
    },
    auth: {
      provider: 'auth-service',
      pact: 'contracts/faultline-auth-service.json',
      reference: 'auth',
      slo: { maxCallMs: 1000 },
      client: {
        timeoutMs: 500,
        deadlineMs: 1000,
        retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 200, jitter: 'full' },
        breaker: { strategy: 'consecutive', failureThreshold: 3, resetTimeoutMs: 5000, halfOpenMaxCalls: 1 },
      },
    },
    notify: {
      provider: 'notify-service',
      pact: 'contracts/faultline-notify-service.json',
      reference: 'notify',
      slo: { maxCallMs: 10_000 },
      request: { idempotencyKey: 'auto' },
      client: {
        timeoutMs: 2000,
        deadlineMs: 10_000,
        retry: {
          maxAttempts: 4,
          baseDelayMs: 200,
          maxDelayMs: 2000,
          jitter: 'full',
          respectRetryAfter: true,
        },
        breaker: {
          strategy: 'consecutive',
          failureThreshold: 5,
          resetTimeoutMs: 15_000,
          halfOpenMaxCalls: 1,
        },
      },
    },
    analytics: {
      provider: 'analytics-service',
      pact: 'contracts/faultline-analytics-service.json',
      reference: 'analytics',
      slo: { maxCallMs: 3000 },
      client: {
        timeoutMs: 1000,
        deadlineMs: 3000,
        retry: { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 1000, jitter: 'full' },
        breaker: {
          strategy: 'count-window',
          windowSize: 20,
          minimumCalls: 10,
          failureRateThreshold: 0.5,
          resetTimeoutMs: 10_000,
        },
        fallback: { kind: 'default', value: { accepted: 0 }, status: 202 },
      },
    },
    search: {
      provider: 'search-service',
      pact: 'contracts/faultline-search-service.json',
      reference: 'search',
      slo: { maxCallMs: 2000 },
      client: {
        timeoutMs: 800,
        deadlineMs: 2000,
        retry: { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 500, jitter: 'full', respectRetryAfter: true },
        breaker: {
          strategy: 'time-window',
          windowMs: 10_000,
          minimumCalls: 10,
          failureRateThreshold: 0.5,
          resetTimeoutMs: 5000,
        },
        fallback: { kind: 'cache', maxAgeMs: 30_000, maxEntries: 500 },
      },
    },
    toxiproxy: {
      provider: 'toxiproxy',
      pact: 'contracts/faultline-toxiproxy.json',
    },
  },
};

import type { Dispatcher } from 'undici';
import type { EventEmitter } from '../events/event.ts';
import { ActiveAttempts } from './active-attempts.ts';
import type { AuthProvider } from './auth/auth-provider.ts';
import { authenticatedAttempts } from './auth/authenticated-attempts.ts';
import { createAuthProvider } from './auth/create-auth-provider.ts';
import { CircuitBreaker } from './breaker/circuit-breaker.ts';
import { Bulkhead } from './bulkhead/bulkhead.ts';
import type {
  AttemptEvent,
  BreakerState,
  BreakerStateChangeEvent,
  RetryEvent,
  ServiceHealth,
} from './client-types.ts';
import { EndpointAttempts } from './endpoints/endpoint-attempts.ts';
import { serviceHealth, singleOriginHealth } from './endpoints/service-health.ts';
import type { CallPipeline } from './execute-attempts.ts';
import { AlternateOrigin } from './fallback/alternate-origin.ts';
import { FallbackPolicy } from './fallback/fallback-policy.ts';
import { hedgedAttempts, timedAttempts } from './hedging/hedged-attempts.ts';
import { LatencyTracker } from './hedging/latency-tracker.ts';
import { ClientMetrics } from './metrics/client-metrics.ts';
import { TokenBucket } from './rate-limit/token-bucket.ts';
import { type ErrorRedaction, errorRedaction } from './redaction/error-redaction.ts';
import type { ResolvedClientOptions } from './resolve-client-options.ts';
import { RetryPolicy, retryDefaults } from './retry/retry-policy.ts';
import { TimerWheel } from './timeout/timer-wheel.ts';
import type { RequestDefaults } from './transport/build-request.ts';
import { createSecondaryTransport, createTransport } from './transport/create-transport.ts';
import { sendAttempt } from './transport/send-attempt.ts';
import type { StartAttempt } from './transport/start-attempt.ts';

/** The client's public event emitters the pipeline feeds. */
export interface PipelineEmitters {
  onAttempt: EventEmitter<AttemptEvent>;
  onRetry: EventEmitter<RetryEvent>;
  onBreakerStateChange: EventEmitter<BreakerStateChangeEvent>;
}

/** Everything one client is built of, wired once. */
export interface BuiltPipeline {
  /** What every call shares: executeAttempts runs it. */
  pipeline: CallPipeline;
  wheel: TimerWheel;
  breaker: CircuitBreaker | undefined;
  bulkhead: Bulkhead | undefined;
  fallback: FallbackPolicy | undefined;
  /** The alternate origin of an `alternate` fallback. */
  alternate: AlternateOrigin | undefined;
  metrics: ClientMetrics;
  /** What buildRequest builds each call's request from: base path, default headers, static credentials. */
  requestDefaults: RequestDefaults;
  /** Scrubs an error in place before it leaves the client, and text an error will show. */
  redaction: ErrorRedaction;
  health(baseUrl: string): ServiceHealth;
  /** Stops the prober and the auth provider, destroys the dispatchers the client owns. */
  close(): Promise<void>;
}

/**
 * Builds the pipeline of one client from its resolved options:
 *
 * ```
 *   request ─► fallback ─► bulkhead ─► deadline ─► retry ─► rate limit ─► breaker ─► timeout
 *     ─► [hedging ─► auth ─► endpoint pick] ─► transport (undici dispatch, one handler per attempt)
 * ```
 *
 * The bracketed stages exist only when configured (`pipeline.start`); without them the
 * retry loop sends straight to the transport. Policies that are off are `undefined`, so the
 * plain client pays for nothing it does not use. docs/client.md explains the order.
 *
 * @example
 * const built = buildPipeline(resolveClientOptions(options), emitters, closeSignal);
 * const raw = await executeAttempts(built.pipeline, call);
 */
export function buildPipeline(
  o: ResolvedClientOptions,
  emitters: PipelineEmitters,
  closeSignal: AbortSignal,
): BuiltPipeline {
  const { clock, service } = o;
  const wheel = new TimerWheel(clock);
  const owned: Dispatcher[] = [];
  const retry = o.retry === false ? undefined : new RetryPolicy(o.retry, { clock, random: o.random });
  const breaker = o.breaker === false ? undefined : new CircuitBreaker(o.breaker, clock);
  const breakerState = (): BreakerState => breaker?.state ?? 'closed';
  const metrics = new ClientMetrics(service, breakerState);
  breaker?.onStateChange((t) => {
    metrics.breakerTransitions++;
    emitters.onBreakerStateChange.emit({ service, from: t.from, to: t.to, at: t.at });
  });
  let bulkhead: Bulkhead | undefined;
  if (o.bulkhead !== false && o.bulkhead !== undefined) {
    bulkhead = new Bulkhead(o.bulkhead);
    metrics.bulkheadRejected = 0;
  }
  let rateLimit: TokenBucket | undefined;
  if (o.rateLimit !== false && o.rateLimit !== undefined) {
    rateLimit = new TokenBucket(o.rateLimit, clock.now());
    metrics.rateLimited = 0;
  }
  const main = createTransport(o, o.origin, wheel);
  if (main.owned !== undefined) owned.push(main.owned);
  const callFailureStatuses = failingStatuses(retry?.options.retryOnStatus ?? retryDefaults.retryOnStatus);
  const active: CallPipeline['active'] = new ActiveAttempts();

  const auth: AuthProvider | undefined = o.auth && createAuthProvider(o.auth, service, clock);
  // Static credentials are set over each call's headers once (build-request.ts); only
  // refreshable ones are a stage of every attempt.
  const credentials =
    auth !== undefined && !auth.refreshable ? (auth.headers() as Record<string, string>) : undefined;

  let fallback: FallbackPolicy | undefined;
  let alternate: AlternateOrigin | undefined;
  if (o.fallback !== undefined) {
    fallback = new FallbackPolicy(o.fallback, clock);
    if (o.fallback.kind === 'alternate') {
      alternate = new AlternateOrigin(o, o.fallback.baseUrl, wheel, owned, {
        clock,
        primaryBasePath: o.basePath,
        active,
        callFailureStatuses,
        credentials,
      });
    }
  }

  // The optional attempt stages, innermost first; `send` is the bare transport.
  const send: StartAttempt = (request, _info, timeoutAt, timeoutMs) =>
    sendAttempt(main.transport, request, timeoutAt, timeoutMs);
  let start: StartAttempt | undefined;
  const endpoints =
    o.endpoints &&
    new EndpointAttempts(o.endpoints, clock, (origin) => createSecondaryTransport(o, origin, wheel, owned));
  if (endpoints !== undefined) start = endpoints.start;
  const latency = o.hedging && new LatencyTracker();
  if (latency !== undefined) start = timedAttempts(start ?? send, latency, clock);
  if (auth?.refreshable) start = authenticatedAttempts(auth, start ?? send);
  if (o.hedging !== undefined && latency !== undefined) {
    start = hedgedAttempts(o.hedging, start ?? send, {
      service,
      clock,
      latency,
      tryAcquireRetry: retry === undefined ? undefined : () => retry.tryAcquireBudget(),
      reportOrigin: endpoints !== undefined,
    });
  }

  return {
    pipeline: {
      service,
      clock,
      transport: main.transport,
      start,
      retry,
      breaker,
      rateLimit,
      breakerFailureStatuses: new Set(breaker?.options.failureStatuses ?? []),
      callFailureStatuses,
      metrics,
      active,
      onAttempt: emitters.onAttempt,
      onRetry: emitters.onRetry,
      closeSignal,
    },
    wheel,
    breaker,
    bulkhead,
    fallback,
    alternate,
    metrics,
    requestDefaults: { basePath: o.basePath, headers: o.headers, credentials },
    redaction: errorRedaction(o, auth),
    health(baseUrl) {
      if (endpoints === undefined) return singleOriginHealth(service, breakerState(), baseUrl, active.size);
      return serviceHealth(service, breakerState(), endpoints.set.health());
    },
    async close() {
      wheel.close();
      await endpoints?.close();
      await auth?.close();
      await Promise.all(owned.map((d) => d.destroy()));
    },
  };
}

/** Statuses that fail a call when retries are off: the retry defaults plus every 5xx. */
function failingStatuses(retryOnStatus: readonly number[]): Set<number> {
  const set = new Set(retryOnStatus);
  for (let s = 500; s <= 599; s++) set.add(s);
  return set;
}

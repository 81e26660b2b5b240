import { type Dispatcher, Pool, Client as UndiciClient } from 'undici';
import { AbortedError } from '../errors/aborted-error.ts';
import { type Event, EventEmitter } from '../events/event.ts';
import { CircuitBreaker } from './breaker/circuit-breaker.ts';
import { Bulkhead } from './bulkhead/bulkhead.ts';
import { enterBulkhead } from './bulkhead/enter-bulkhead.ts';
import { attachOutcome, CallResponse } from './client-response.ts';
import type {
  AttemptEvent,
  BreakerState,
  BreakerStateChangeEvent,
  CallEvent,
  CallOutcome,
  ClientOptions,
  ClientResponse,
  FallbackEvent,
  MetricsSnapshot,
  RequestOptions,
  ResilientClient,
  RetryEvent,
  ServiceHealth,
} from './client-types.ts';
import { type CallPipeline, type CallState, executeAttempts } from './execute-attempts.ts';
import {
  type ClientExtras,
  createClientExtras,
  defaultErrorRedactor,
  redactErrorInPlace,
  singleOriginHealth,
} from './extras/client-extras.ts';
import { FallbackPolicy } from './fallback/fallback-policy.ts';
import { ClientMetrics } from './metrics/client-metrics.ts';
import { ClientMetricsRegistry } from './metrics/client-metrics-registry.ts';
import { TokenBucket } from './rate-limit/token-bucket.ts';
import { type ResolvedClientOptions, resolveClientOptions, splitBaseUrl } from './resolve-client-options.ts';
import { RetryPolicy, retryDefaults } from './retry/retry-policy.ts';
import { TimerWheel } from './timeout/timer-wheel.ts';
import { buildRequest } from './transport/build-request.ts';
import { createTransport } from './transport/create-transport.ts';
import { type AttemptTransport, type RawResponse, sendAttempt } from './transport/send-attempt.ts';

/**
 * Creates the resilient HTTP client of one external service, on undici:
 *
 * ```
 *   request ─► fallback ─► deadline ─► retry ─► breaker ─► timeout ─► transport (undici Pool)
 * ```
 *
 * With endpoints, auth or hedging configured, `timeout ─► transport` becomes
 * `timeout ─► [hedging ─► auth ─► endpoint pick] ─► transport` (extras/client-extras.ts,
 * docs/client-features.md); without them that stage does not exist.
 *
 * (docs/client.md explains the order.) Every option is optional except `service` and
 * `baseUrl`; time and chance come from `clock` and `random`/`seed`.
 *
 * @example
 * const client = createClient({ service: 'inference', baseUrl: 'http://127.0.0.1:7001', timeoutMs: 1000 });
 * const res = await client.request({ method: 'POST', path: '/v1/predict', json: { input: [1] } });
 * res.json();
 * await client.close();
 */
export function createClient(options: ClientOptions): ResilientClient {
  return new Client(resolveClientOptions(options), options);
}

/** Statuses that fail a call when retries are off: the retry defaults plus every 5xx. */
function callFailureStatuses(retryOnStatus: readonly number[]): Set<number> {
  const set = new Set(retryOnStatus);
  for (let s = 500; s <= 599; s++) set.add(s);
  return set;
}

class Client implements ResilientClient {
  readonly service: string;
  private readonly o: ResolvedClientOptions;
  private readonly wheel: TimerWheel;
  private readonly pipeline: CallPipeline;
  private readonly owned: Dispatcher[] = [];
  private readonly breakerPolicy: CircuitBreaker | undefined;
  private readonly fallbackPolicy: FallbackPolicy | undefined;
  private readonly alternate: AttemptTransport | undefined;
  private alternateBasePath = '';
  private readonly metricsState: ClientMetrics;
  private readonly extras: ClientExtras | undefined;
  private readonly closer = new AbortController();
  private registry: ClientMetricsRegistry | undefined;
  private readonly bulkhead: Bulkhead | undefined;
  private readonly leaveSharedRegistry: (() => void) | undefined;
  private closed = false;
  /** The text redactor of this client, for what a response shows in an error (json()). */
  private readonly scrubText = (text: string): string =>
    this.extras !== undefined ? this.extras.redactText(text) : defaultErrorRedactor.text(text);

  private readonly retryEmitter = new EventEmitter<RetryEvent>();
  private readonly breakerEmitter = new EventEmitter<BreakerStateChangeEvent>();
  private readonly fallbackEmitter = new EventEmitter<FallbackEvent>();
  private readonly attemptEmitter = new EventEmitter<AttemptEvent>();
  private readonly callEmitter = new EventEmitter<CallEvent>();
  readonly onRetry: Event<RetryEvent> = this.retryEmitter.event;
  readonly onBreakerStateChange: Event<BreakerStateChangeEvent> = this.breakerEmitter.event;
  readonly onFallback: Event<FallbackEvent> = this.fallbackEmitter.event;
  readonly onAttempt: Event<AttemptEvent> = this.attemptEmitter.event;
  readonly onCall: Event<CallEvent> = this.callEmitter.event;

  readonly breaker: ResilientClient['breaker'];

  constructor(o: ResolvedClientOptions, options: ClientOptions) {
    this.o = o;
    this.service = o.service;
    const { clock } = o;
    this.wheel = new TimerWheel(clock);
    const retry = o.retry === false ? undefined : new RetryPolicy(o.retry, { clock, random: o.random });
    const breaker = o.breaker === false ? undefined : new CircuitBreaker(o.breaker, clock);
    this.breakerPolicy = breaker;
    this.metricsState = new ClientMetrics(o.service, () => this.breakerState());
    breaker?.onStateChange((t) => {
      this.metricsState.breakerTransitions++;
      this.breakerEmitter.emit({ service: o.service, from: t.from, to: t.to, at: t.at });
    });
    if (o.bulkhead !== false && o.bulkhead !== undefined) {
      this.bulkhead = new Bulkhead(o.bulkhead);
      this.metricsState.bulkheadRejected = 0;
    }
    const rateLimit =
      o.rateLimit === false || o.rateLimit === undefined
        ? undefined
        : new TokenBucket(o.rateLimit, clock.now());
    if (rateLimit !== undefined) this.metricsState.rateLimited = 0;
    this.leaveSharedRegistry = o.metricsRegistry?.add(this.metricsState);
    const main = createTransport(o, o.origin, this.wheel);
    if (main.owned !== undefined) this.owned.push(main.owned);
    if (o.fallback !== undefined) {
      this.fallbackPolicy = new FallbackPolicy(o.fallback, clock);
      if (o.fallback.kind === 'alternate') {
        // An injected origin-agnostic dispatcher (an Agent, the runner's in-process
        // dispatcher) also carries the alternate origin; a Pool or Client is bound to the
        // primary origin, so then (and by default) the alternate gets a Pool of its own.
        const { origin, basePath } = splitBaseUrl('fallback.baseUrl', o.fallback.baseUrl);
        const originBound = o.dispatcher instanceof Pool || o.dispatcher instanceof UndiciClient;
        const alt = createTransport(originBound ? { ...o, dispatcher: undefined } : o, origin, this.wheel);
        this.alternate = alt.transport;
        this.alternateBasePath = basePath;
        if (alt.owned !== undefined) this.owned.push(alt.owned);
      }
    }
    // Endpoints, auth, hedging, redaction: undefined when none is configured (no hot-path cost).
    this.extras = createClientExtras(options, {
      service: o.service,
      clock,
      main: main.transport,
      transportFor: (origin) => {
        // As for the alternate: a dispatcher bound to the primary origin cannot carry others.
        const originBound = o.dispatcher instanceof Pool || o.dispatcher instanceof UndiciClient;
        const t = createTransport(originBound ? { ...o, dispatcher: undefined } : o, origin, this.wheel);
        if (t.owned !== undefined) this.owned.push(t.owned);
        return t.transport;
      },
      tryAcquireRetry: retry === undefined ? undefined : () => retry.tryAcquireBudget(),
    });
    this.pipeline = {
      extras: this.extras,
      service: o.service,
      clock,
      transport: main.transport,
      retry,
      breaker,
      rateLimit,
      breakerFailureStatuses: new Set(breaker?.options.failureStatuses ?? []),
      callFailureStatuses: callFailureStatuses(retry?.options.retryOnStatus ?? retryDefaults.retryOnStatus),
      metrics: this.metricsState,
      active: new Set(),
      onAttempt: this.attemptEmitter,
      onRetry: this.retryEmitter,
      closeSignal: this.closer.signal,
    };
    this.breaker = {
      get state(): BreakerState {
        return breaker?.state ?? 'closed';
      },
      isolate: () => breaker?.isolate(),
      reset: () => breaker?.reset(),
    };
  }

  async request(options: RequestOptions): Promise<ClientResponse> {
    const { o } = this;
    const clock = o.clock;
    const startedAt = clock.now();
    const request = buildRequest(o, options);
    const deadlineMs = options.deadlineMs ?? o.deadlineMs;
    const call: CallState = {
      request,
      startedAt,
      deadlineAt: startedAt + deadlineMs,
      deadlineMs,
      timeoutMs: options.timeoutMs ?? o.timeoutMs,
      signal: options.signal,
      attempts: 0,
      current: undefined,
      lastErrorCode: undefined,
      shortCircuited: false,
      aborted: undefined,
    };
    const signal = options.signal;
    let onAbort: (() => void) | undefined;
    if (signal !== undefined) {
      onAbort = () => {
        call.aborted = new AbortedError(o.service, { cause: signal.reason });
        call.current?.abort(call.aborted);
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    if (this.closed) call.aborted = new AbortedError(o.service);
    let entered = false;
    try {
      if (this.bulkhead !== undefined) {
        await enterBulkhead(this.bulkhead, call, {
          service: o.service,
          clock,
          onReject: () => {
            this.metricsState.bulkheadRejected = (this.metricsState.bulkheadRejected ?? 0) + 1;
          },
        });
        entered = true;
      }
      const raw = await executeAttempts(this.pipeline, call);
      this.fallbackPolicy?.onSuccess(options.cacheKey ?? request.cacheKey, raw);
      return this.succeed(call, raw, undefined, false);
    } catch (thrown) {
      const err = thrown as Error & { code?: string };
      const code = err.code ?? 'UNKNOWN';
      if (this.fallbackPolicy !== undefined && call.aborted === undefined && code !== 'FAULTLINE_ABORTED') {
        const served = await this.fallbackPolicy.serve(options.cacheKey ?? request.cacheKey, () =>
          this.callAlternate(call),
        );
        if (served !== undefined) {
          this.metricsState.fallbacks++;
          if (this.fallbackEmitter.size > 0) {
            this.fallbackEmitter.emit({
              service: o.service,
              requestId: request.requestId,
              kind: served.kind,
              errorCode: code,
            });
          }
          call.lastErrorCode ??= code;
          return this.succeed(call, served.response, served.kind, served.stale);
        }
      }
      call.lastErrorCode ??= code;
      // Errors can carry echoed credentials (headers, bodies): scrub before anyone logs them.
      if (this.extras !== undefined) this.extras.redactError(err);
      else redactErrorInPlace(err, defaultErrorRedactor);
      const outcome = this.outcome(call, undefined, false);
      if (call.shortCircuited) this.metricsState.shortCircuits++;
      this.metricsState.recordCall(outcome.durationMs, code);
      if (this.callEmitter.size > 0) {
        const status = (err as { status?: number }).status;
        this.callEmitter.emit({ service: o.service, startedAt, outcome, status, errorCode: code });
      }
      throw attachOutcome(err, outcome);
    } finally {
      if (entered) this.bulkhead!.leave();
      if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    }
  }

  metrics(): MetricsSnapshot {
    return this.metricsState.snapshot();
  }

  health(): ServiceHealth {
    const baseUrl = this.o.origin + this.o.basePath;
    const inFlight = this.pipeline.active.size;
    return (
      this.extras?.health(this.breakerState(), baseUrl, inFlight) ??
      singleOriginHealth(this.service, this.breakerState(), baseUrl, inFlight)
    );
  }

  prometheus(): Promise<string> {
    if (this.registry === undefined) {
      this.registry = new ClientMetricsRegistry();
      this.registry.add(this.metricsState);
    }
    return this.registry.metrics();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.leaveSharedRegistry?.();
    this.closer.abort(new AbortedError(this.service));
    for (const handler of this.pipeline.active) handler.abort(new AbortedError(this.service));
    this.wheel.close();
    await this.extras?.close();
    await Promise.all(this.owned.map((d) => d.destroy()));
  }

  private succeed(call: CallState, raw: RawResponse, fallback: CallOutcome['fallback'], stale: boolean) {
    const outcome = this.outcome(call, fallback, stale);
    this.metricsState.recordCall(outcome.durationMs, undefined);
    if (this.callEmitter.size > 0) {
      this.callEmitter.emit({
        service: this.service,
        startedAt: call.startedAt,
        outcome,
        status: raw.status,
      });
    }
    return new CallResponse(raw, outcome, this.service, this.scrubText);
  }

  private outcome(call: CallState, fallback: CallOutcome['fallback'], stale: boolean): CallOutcome {
    const outcome: CallOutcome = {
      requestId: call.request.requestId,
      attempts: call.attempts,
      durationMs: this.o.clock.now() - call.startedAt,
      breakerState: this.breakerState(),
      shortCircuited: call.shortCircuited,
    };
    if (fallback !== undefined) {
      outcome.fallback = fallback;
      if (stale) outcome.stale = true;
    }
    if (call.lastErrorCode !== undefined) outcome.lastErrorCode = call.lastErrorCode;
    return outcome;
  }

  private breakerState(): BreakerState {
    return this.breakerPolicy?.state ?? 'closed';
  }

  /** One attempt at the alternate origin within what is left of the call's deadline. */
  private async callAlternate(call: CallState): Promise<RawResponse | undefined> {
    const transport = this.alternate;
    if (transport === undefined) return undefined;
    const now = this.o.clock.now();
    const timeoutMs = Math.min(call.timeoutMs, call.deadlineAt - now);
    if (timeoutMs <= 0) return undefined;
    const { request } = call;
    // Same call, the alternate's own path prefix in place of the primary's.
    const path = this.alternateBasePath + request.path.slice(this.o.basePath.length);
    const handler = sendAttempt(
      transport,
      { method: request.method, path, headers: request.headers, body: request.body },
      now + timeoutMs,
      timeoutMs,
    );
    this.pipeline.active.add(handler);
    try {
      const raw = await handler.promise;
      return this.pipeline.callFailureStatuses.has(raw.status) ? undefined : raw;
    } catch {
      return undefined;
    } finally {
      this.pipeline.active.delete(handler);
    }
  }
}

import { setMaxListeners } from 'node:events';
import { AbortedError } from '../errors/aborted-error.ts';
import { type Event, EventEmitter } from '../events/event.ts';
import { type BuiltPipeline, buildPipeline } from './build-pipeline.ts';
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
  StreamingClientResponse,
} from './client-types.ts';
import { answersCall, type CallState, executeAttempts, startFirstAttempt } from './execute-attempts.ts';
import { ClientMetricsRegistry } from './metrics/client-metrics-registry.ts';
import { type CallEnds, PendingCall } from './pending-call.ts';
import { type ResolvedClientOptions, resolveClientOptions } from './resolve-client-options.ts';
import { streamingResponse } from './streaming-response.ts';
import { AttemptHandler, type RawResponse } from './transport/attempt-handler.ts';
import { buildRequest } from './transport/build-request.ts';
import type { AttemptLike } from './transport/start-attempt.ts';

/**
 * Creates the resilient HTTP client of one external service, on undici:
 *
 * ```
 *   request ─► fallback ─► deadline ─► retry ─► breaker ─► timeout ─► transport (undici Pool)
 * ```
 *
 * With endpoints, auth or hedging configured, `timeout ─► transport` becomes
 * `timeout ─► [hedging ─► auth ─► endpoint pick] ─► transport` (build-pipeline.ts wires it,
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
  return new Client(resolveClientOptions(options));
}

class Client implements ResilientClient, CallEnds {
  readonly service: string;
  private readonly o: ResolvedClientOptions;
  private readonly built: BuiltPipeline;
  private readonly closer = new AbortController();
  private registry: ClientMetricsRegistry | undefined;
  private readonly leaveSharedRegistry: (() => void) | undefined;
  private closed = false;
  /** The text redactor of this client, for what a response shows in an error (json()). */
  private readonly scrubText = (text: string): string => this.built.redaction.text(text);

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

  constructor(o: ResolvedClientOptions) {
    this.o = o;
    this.service = o.service;
    this.built = buildPipeline(
      o,
      {
        onAttempt: this.attemptEmitter,
        onRetry: this.retryEmitter,
        onBreakerStateChange: this.breakerEmitter,
      },
      this.closer.signal,
    );
    // Every call waiting out a backoff listens on the close signal: a busy client has many
    // (Node warns of a leak past 10). Each is removed when its wait ends.
    setMaxListeners(0, this.closer.signal);
    this.leaveSharedRegistry = o.metricsRegistry?.add(this.built.metrics);
    const breaker = this.built.breaker;
    this.breaker = {
      get state(): BreakerState {
        return breaker?.state ?? 'closed';
      },
      isolate: () => breaker?.isolate(),
      reset: () => breaker?.reset(),
    };
  }

  // Why request() creates no closure: a function that creates one allocates a context for
  // every variable the closure captures, on every call, even on the paths that never create
  // it. The rare paths (a caller's signal, a queued bulkhead wait, the fallback, the error
  // path) live in their own functions.
  //
  // Why request() is not async: a call its first attempt answers takes the synchronous path
  // (pending-call.ts): the attempt is started here, its handler tells the call when the
  // response is complete, and the one promise the caller holds is resolved there. Every other
  // call (a queued bulkhead wait, a rate-limit wait, a retry, a failure, an event listener
  // to call) runs the async path, `run`.
  request(options: RequestOptions): Promise<ClientResponse> {
    const { built } = this;
    const call = this.newCall(options);
    const bulkhead = built.bulkhead;
    // A free slot is taken without a promise; only a queued call waits.
    if (bulkhead !== undefined && call.aborted === undefined) call.entered = bulkhead.tryEnter();
    // Listeners are called on the async path only, never from inside undici's callbacks.
    if (
      (bulkhead === undefined || call.entered) &&
      this.attemptEmitter.size === 0 &&
      this.callEmitter.size === 0
    ) {
      let first: AttemptLike | undefined;
      try {
        first = startFirstAttempt(built.pipeline, call);
      } catch (err) {
        return this.run(call, undefined, err as Error);
      }
      if (first instanceof AttemptHandler) return call.listen(first);
      if (first !== undefined) return this.run(call, first);
    }
    return this.run(call, undefined);
  }

  async stream(options: RequestOptions): Promise<StreamingClientResponse> {
    const call = this.newCall(options);
    // Statuses that fail the call are read whole, so the retry loop judges them as usual.
    call.request.stream = this.built.pipeline.callFailureStatuses;
    return streamingResponse((await this.run(call, undefined)) as CallResponse);
  }

  private newCall(options: RequestOptions): PendingCall {
    const { o } = this;
    const startedAt = o.clock.now();
    const call = new PendingCall(
      this,
      options,
      buildRequest(this.built.requestDefaults, options),
      startedAt,
      options.deadlineMs ?? o.deadlineMs,
      options.timeoutMs ?? o.timeoutMs,
    );
    if (options.signal !== undefined) call.onAbort = abortOnSignal(call, options.signal, o.service);
    if (this.closed) call.aborted = new AbortedError(o.service);
    return call;
  }

  answers(status: number): boolean {
    return !this.built.pipeline.callFailureStatuses.has(status);
  }

  answer(call: PendingCall, handler: AttemptHandler, raw: RawResponse): ClientResponse {
    const { built } = this;
    try {
      answersCall(built.pipeline, call, handler, raw);
      built.fallback?.onSuccess(call.options.cacheKey ?? call.request.cacheKey, raw);
      return this.succeed(call, raw, undefined, false, call.endedAt);
    } finally {
      this.release(call);
    }
  }

  proceed(call: PendingCall, started: AttemptLike): Promise<ClientResponse> {
    return this.run(call, started);
  }

  /**
   * The async path of a call: waits for a bulkhead slot if it has none, runs the attempts
   * (from `started`, the first attempt already under way, if any), applies the fallback and
   * ends the call; `thrown`: the call failed before any attempt started.
   */
  private async run(
    call: PendingCall,
    started: AttemptLike | undefined,
    thrown?: Error,
  ): Promise<ClientResponse> {
    const { built } = this;
    try {
      if (thrown !== undefined) throw thrown;
      const bulkhead = built.bulkhead;
      if (bulkhead !== undefined && !call.entered) {
        await this.waitForSlot(call);
        call.entered = true;
      }
      const raw = await executeAttempts(built.pipeline, call, started);
      // A streamed body is not in memory: there is nothing to keep for the last-good cache.
      if (call.request.stream === undefined) {
        built.fallback?.onSuccess(call.options.cacheKey ?? call.request.cacheKey, raw);
      }
      return this.succeed(call, raw, undefined, false, call.endedAt);
    } catch (err) {
      return await this.recover(call, call.options, err as Error & { code?: string });
    } finally {
      this.release(call);
    }
  }

  /** Gives back what the call holds: its bulkhead slot, its listener on the caller's signal. */
  private release(call: PendingCall): void {
    if (call.entered) {
      call.entered = false;
      this.built.bulkhead!.leave();
    }
    if (call.onAbort !== undefined) {
      call.signal!.removeEventListener('abort', call.onAbort);
      call.onAbort = undefined;
    }
  }

  /** Waits in the bulkhead's queue, up to the call's deadline. */
  private async waitForSlot(call: CallState): Promise<void> {
    const { built } = this;
    await enterBulkhead(built.bulkhead!, call, {
      service: this.service,
      clock: this.o.clock,
      onReject: () => {
        built.metrics.bulkheadRejected = (built.metrics.bulkheadRejected ?? 0) + 1;
      },
    });
    call.fresh = false;
  }

  /** A failed call: served by the fallback, or thrown with its outcome, redacted. */
  private async recover(
    call: CallState,
    options: RequestOptions,
    err: Error & { code?: string },
  ): Promise<ClientResponse> {
    const { o, built } = this;
    const { request } = call;
    const code = err.code ?? 'UNKNOWN';
    const fallback = built.fallback;
    if (fallback !== undefined && call.aborted === undefined && code !== 'FAULTLINE_ABORTED') {
      const alternate = built.alternate;
      const served = await fallback.serve(options.cacheKey ?? request.cacheKey, () =>
        alternate === undefined ? Promise.resolve(undefined) : alternate.call(call),
      );
      if (served !== undefined) {
        built.metrics.fallbacks++;
        if (this.fallbackEmitter.size > 0) {
          this.fallbackEmitter.emit({
            service: o.service,
            requestId: request.requestId,
            kind: served.kind,
            errorCode: code,
          });
        }
        call.lastErrorCode ??= code;
        return this.succeed(call, served.response, served.kind, served.stale, o.clock.now());
      }
    }
    call.lastErrorCode ??= code;
    // Errors can carry echoed credentials (headers, bodies): scrub before anyone logs them.
    built.redaction.error(err);
    const outcome = this.outcome(call, undefined, false, o.clock.now());
    if (call.shortCircuited) built.metrics.shortCircuits++;
    built.metrics.recordCall(outcome.durationMs, code);
    if (this.callEmitter.size > 0) {
      const status = (err as { status?: number }).status;
      this.callEmitter.emit({
        service: o.service,
        startedAt: call.startedAt,
        outcome,
        status,
        errorCode: code,
      });
    }
    throw attachOutcome(err, outcome);
  }

  metrics(): MetricsSnapshot {
    return this.built.metrics.snapshot();
  }

  health(): ServiceHealth {
    return this.built.health(this.o.origin + this.o.basePath);
  }

  prometheus(): Promise<string> {
    if (this.registry === undefined) {
      this.registry = new ClientMetricsRegistry();
      this.registry.add(this.built.metrics);
    }
    return this.registry.metrics();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.leaveSharedRegistry?.();
    this.closer.abort(new AbortedError(this.service));
    for (const handler of this.built.pipeline.active.snapshot())
      handler.abort(new AbortedError(this.service));
    await this.built.close();
  }

  private succeed(
    call: CallState,
    raw: RawResponse,
    fallback: CallOutcome['fallback'],
    stale: boolean,
    endedAt: number,
  ): CallResponse {
    const outcome = this.outcome(call, fallback, stale, endedAt);
    this.built.metrics.recordCall(outcome.durationMs, undefined);
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

  /** `endedAt`: the clock reading the call ended at (the last attempt's end when it is the answer). */
  private outcome(
    call: CallState,
    fallback: CallOutcome['fallback'],
    stale: boolean,
    endedAt: number,
  ): CallOutcome {
    const outcome: CallOutcome = {
      requestId: call.request.requestId,
      attempts: call.attempts,
      durationMs: endedAt - call.startedAt,
      breakerState: this.built.breaker?.state ?? 'closed',
      shortCircuited: call.shortCircuited,
    };
    if (fallback !== undefined) {
      outcome.fallback = fallback;
      if (stale) outcome.stale = true;
    }
    if (call.lastErrorCode !== undefined) outcome.lastErrorCode = call.lastErrorCode;
    return outcome;
  }
}

/** Aborts the call when `signal` does (now, if it already has); returns the listener to remove. */
function abortOnSignal(call: CallState, signal: AbortSignal, service: string): () => void {
  const onAbort = () => {
    call.aborted = new AbortedError(service, { cause: signal.reason });
    call.current?.abort(call.aborted);
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return onAbort;
}

import { AbortedError } from '../errors/aborted-error.ts';
import { BreakerOpenError } from '../errors/breaker-open-error.ts';
import { DeadlineExceededError } from '../errors/deadline-exceeded-error.ts';
import { HttpStatusError } from '../errors/http-status-error.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { RetryBudgetExhaustedError } from '../errors/retry-budget-exhausted-error.ts';
import type { EventEmitter } from '../events/event.ts';
import type { Clock } from '../time/clock.ts';
import type { ActiveAttempts } from './active-attempts.ts';
import type { BreakerPermit, CircuitBreaker } from './breaker/circuit-breaker.ts';
import type { AttemptEvent, RetryEvent } from './client-types.ts';
import type { ClientMetrics } from './metrics/client-metrics.ts';
import type { TokenBucket } from './rate-limit/token-bucket.ts';
import { parseRetryAfter } from './retry/parse-retry-after.ts';
import type { AttemptResult, RetryPolicy } from './retry/retry-policy.ts';
import type { AttemptRequest, AttemptTransport, RawResponse } from './transport/attempt-handler.ts';
import { headersForAttempt, type PreparedRequest } from './transport/build-request.ts';
import { sendAttempt } from './transport/send-attempt.ts';
import type { AttemptLike, StartAttempt } from './transport/start-attempt.ts';

/** What every call of one client shares. */
export interface CallPipeline {
  service: string;
  clock: Clock;
  transport: AttemptTransport;
  retry: RetryPolicy | undefined;
  breaker: CircuitBreaker | undefined;
  /** Client-side rate limit, taken per attempt. */
  rateLimit: TokenBucket | undefined;
  /** Statuses the breaker counts as failures. */
  breakerFailureStatuses: ReadonlySet<number>;
  /** Statuses that fail a call (retryable statuses and every 5xx). */
  callFailureStatuses: ReadonlySet<number>;
  metrics: ClientMetrics;
  /** Attempts in flight, aborted by close(). */
  active: ActiveAttempts<AttemptLike>;
  /**
   * The optional attempt stages (hedging ─► auth ─► endpoint pick) composed by buildPipeline;
   * undefined when none is configured: the loop then calls sendAttempt on `transport` itself.
   */
  start: StartAttempt | undefined;
  onAttempt: EventEmitter<AttemptEvent>;
  onRetry: EventEmitter<RetryEvent>;
  /** Aborted by close(). */
  closeSignal: AbortSignal;
}

/** The mutable state of one call, read back for its outcome. */
export interface CallState {
  request: PreparedRequest;
  startedAt: number;
  deadlineAt: number;
  deadlineMs: number;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  attempts: number;
  current: AttemptLike | undefined;
  lastErrorCode: string | undefined;
  shortCircuited: boolean;
  /** Set when the caller's signal or close() aborted the call. */
  aborted: AbortedError | undefined;
  /**
   * The clock reading the last attempt ended at; when the call ends with it, the outcome's
   * duration uses it rather than reading the clock again. -1 until an attempt ended.
   */
  endedAt: number;
  /** True while nothing was awaited since `startedAt` (the first attempt may reuse that reading). */
  fresh: boolean;
  /** The current attempt's start reading, breaker permit and whether the deadline bounds it. */
  attemptStart: number;
  permit: BreakerPermit | undefined;
  boundByDeadline: boolean;
}

/**
 * deadline( retry( breaker( timeout( transport )))) for one call; the fallback is applied
 * by the client around it. Resolves with a response that is not a failure, or throws the
 * typed error of the last attempt (see docs/client.md for the order and why).
 *
 * `started`: the call's first attempt, when the client already started it (startFirstAttempt)
 * and it did not answer the call at once; it is judged here like any other attempt.
 */
export async function executeAttempts(
  p: CallPipeline,
  call: CallState,
  started?: AttemptLike,
): Promise<RawResponse> {
  const { clock, retry } = p;
  // One clock reading per attempt start and one per attempt end: the call's own start
  // stands for the first attempt's when nothing was awaited in between.
  if (started === undefined) retry?.onCallStart(call.startedAt);
  let previousDelayMs = 0;
  for (let attempt = 1; ; attempt++) {
    let handler: AttemptLike;
    if (attempt === 1 && started !== undefined) handler = started;
    else {
      if (call.aborted !== undefined) throw call.aborted;
      let start = attempt === 1 && call.fresh ? call.startedAt : clock.now();
      // rate limit: per attempt (retries take tokens too), before the breaker so a waiting
      // attempt does not hold a half-open probe slot.
      if (p.rateLimit !== undefined && !tryTakeToken(p.rateLimit, start)) {
        await waitForToken(p, call);
        start = clock.now();
      }
      handler = startAttempt(p, call, attempt, start);
    }
    let result: AttemptResult;
    let lastError: Error;
    try {
      const response = await handler.promise;
      if (answersCall(p, call, handler, response)) return response;
      const status = response.status;
      call.lastErrorCode = 'FAULTLINE_HTTP_STATUS';
      lastError = new HttpStatusError(p.service, response);
      const retryAfter = response.headers['retry-after'];
      // Retry-After may be an HTTP-date: the one place wall-clock time is needed.
      const retryAfterMs =
        typeof retryAfter === 'string' ? parseRetryAfter(retryAfter, Date.now()) : undefined;
      if (status === 429 && retryAfterMs !== undefined && p.rateLimit?.options.pauseOn429) {
        p.rateLimit.pauseUntil(clock.now() + retryAfterMs);
      }
      result = { kind: 'status', status, retryAfterMs };
    } catch (thrown) {
      const { permit } = call;
      const end = clock.now();
      call.endedAt = end;
      const duration = end - call.attemptStart;
      let err = thrown as Error & { code?: string };
      if (call.aborted !== undefined || err instanceof AbortedError) {
        permit?.ignore();
        throw call.aborted ?? err;
      }
      if (err.code === 'FAULTLINE_BODY_TOO_LARGE') permit?.ignore();
      else permit?.failure(duration, end);
      if (call.boundByDeadline && err.code === 'FAULTLINE_TIMEOUT') {
        err = new DeadlineExceededError(p.service, call.deadlineMs, { cause: err });
      }
      call.lastErrorCode = err.code;
      emitAttempt(p, call, attempt, call.attemptStart, duration, undefined, err.code, handler.origin);
      if (err.code === 'FAULTLINE_DEADLINE_EXCEEDED') throw err;
      lastError = err;
      result = { kind: 'error', code: err.code ?? 'UNKNOWN' };
    } finally {
      p.active.delete(handler);
      call.current = undefined;
    }
    // retry: decides on status / error code, attempts left, deadline and budget.
    if (retry === undefined) throw lastError;
    const decision = retry.decide({
      attempt,
      result,
      method: call.request.method,
      idempotencyKey: call.request.idempotencyKey,
      deadlineAt: call.deadlineAt,
      previousDelayMs,
    });
    if (!decision.retry) {
      if (decision.reason === 'budget-exhausted') {
        p.metrics.budgetExhausted++;
        throw new RetryBudgetExhaustedError(p.service, { cause: lastError });
      }
      throw lastError;
    }
    p.metrics.retries++;
    if (p.onRetry.size > 0) {
      p.onRetry.emit({
        service: p.service,
        requestId: call.request.requestId,
        attempt: attempt + 1,
        delayMs: decision.delayMs,
        reason: result.kind === 'status' ? `HTTP ${result.status}` : result.code,
      });
    }
    await backoff(p, call, decision.delayMs);
    previousDelayMs = decision.delayMs;
  }
}

/**
 * Starts the first attempt of a fresh call without awaiting anything, when nothing stands
 * in its way (a rate-limit token is there): the client's synchronous path. Returns
 * undefined when the call must take the async path from its start (executeAttempts);
 * throws BreakerOpenError or DeadlineExceededError like executeAttempts would.
 */
export function startFirstAttempt(p: CallPipeline, call: CallState): AttemptLike | undefined {
  if (call.aborted !== undefined) return undefined;
  if (p.rateLimit !== undefined && !tryTakeToken(p.rateLimit, call.startedAt)) return undefined;
  p.retry?.onCallStart(call.startedAt);
  return startAttempt(p, call, 1, call.startedAt);
}

/** breaker ─► deadline ─► timeout ─► transport for attempt `attempt`, starting at `start`. */
function startAttempt(p: CallPipeline, call: CallState, attempt: number, start: number): AttemptLike {
  const { breaker } = p;
  // breaker: judged per attempt, so an open circuit also stops the retries of a call.
  let permit: BreakerPermit | undefined;
  if (breaker !== undefined) {
    permit = breaker.tryAcquire();
    if (permit === undefined) {
      call.shortCircuited = true;
      throw new BreakerOpenError(p.service, breaker.state, breaker.remainingOpenMs());
    }
  }
  // deadline: an attempt never runs past it; when the deadline is the tighter bound its
  // timeout is reported as DeadlineExceeded, which is not retried.
  const remaining = call.deadlineAt - start;
  if (remaining <= 0) {
    permit?.ignore();
    throw new DeadlineExceededError(p.service, call.deadlineMs);
  }
  const boundByDeadline = remaining < call.timeoutMs;
  call.attemptStart = start;
  call.permit = permit;
  call.boundByDeadline = boundByDeadline;
  // The prepared request is the first attempt's request as it is (no copy per call).
  const attemptRequest: AttemptRequest =
    attempt === 1
      ? call.request
      : {
          method: call.request.method,
          path: call.request.path,
          headers: headersForAttempt(call.request, attempt),
          body: call.request.body,
          stream: call.request.stream,
        };
  const timeoutAt = boundByDeadline ? call.deadlineAt : start + call.timeoutMs;
  const timeoutMs = boundByDeadline ? remaining : call.timeoutMs;
  const handler: AttemptLike =
    p.start === undefined
      ? sendAttempt(p.transport, attemptRequest, timeoutAt, timeoutMs)
      : p.start(attemptRequest, call.request, timeoutAt, timeoutMs);
  call.current = handler;
  call.attempts = attempt;
  p.active.add(handler);
  p.metrics.attempts++;
  return handler;
}

/**
 * Judges a response of the current attempt: breaker accounting, the attempt event, and
 * whether it answers the call (a status that does not fail the call). When it does, the
 * attempt is done with here; otherwise the caller goes on with the failure.
 */
export function answersCall(
  p: CallPipeline,
  call: CallState,
  handler: AttemptLike,
  response: RawResponse,
): boolean {
  const end = p.clock.now();
  call.endedAt = end;
  const duration = end - call.attemptStart;
  const status = response.status;
  const { permit } = call;
  if (permit !== undefined) {
    if (p.breakerFailureStatuses.has(status)) permit.failure(duration, end);
    else if (status < 400) permit.success(duration, end);
    else permit.ignore();
  }
  emitAttempt(p, call, call.attempts, call.attemptStart, duration, status, undefined, handler.origin);
  if (p.callFailureStatuses.has(status)) return false;
  p.active.delete(handler);
  call.current = undefined;
  return true;
}

/** Takes a token if one is there at `now` (the common case: no promise, no await). */
function tryTakeToken(bucket: TokenBucket, now: number): boolean {
  if (bucket.waitMs(now) !== 0) return false;
  bucket.take(now);
  return true;
}

/** Waits for a token up to maxWaitMs and the deadline, or throws RateLimitedError. */
async function waitForToken(p: CallPipeline, call: CallState): Promise<void> {
  const bucket = p.rateLimit!;
  for (;;) {
    const now = p.clock.now();
    if (tryTakeToken(bucket, now)) return;
    const wait = bucket.waitMs(now);
    if (wait > bucket.options.maxWaitMs || now + wait >= call.deadlineAt) {
      p.metrics.rateLimited = (p.metrics.rateLimited ?? 0) + 1;
      throw new RateLimitedError(p.service, wait, bucket.options.maxWaitMs);
    }
    // reserve() books the token for the caller's go time, so concurrent waiters line up
    // instead of all waking at once.
    await backoff(p, call, bucket.reserve(now));
    // A 429 that arrived while we waited pauses the bucket: the reservation no longer
    // entitles us to go, so line up again behind the pause (the abandoned reservation only
    // makes the bucket stricter, never looser).
    if (bucket.pausedFor(p.clock.now()) === 0) return;
  }
}

async function backoff(p: CallPipeline, call: CallState, delayMs: number): Promise<void> {
  const signal = call.signal === undefined ? p.closeSignal : AbortSignal.any([call.signal, p.closeSignal]);
  try {
    await p.clock.sleep(delayMs, signal);
  } catch (reason) {
    throw call.aborted ?? new AbortedError(p.service, { cause: reason });
  }
}

function emitAttempt(
  p: CallPipeline,
  call: CallState,
  attempt: number,
  startedAt: number,
  durationMs: number,
  status: number | undefined,
  errorCode: string | undefined,
  origin: string | undefined,
): void {
  if (p.onAttempt.size === 0) return;
  const event: AttemptEvent = {
    service: p.service,
    requestId: call.request.requestId,
    attempt,
    startedAt,
    durationMs,
    status,
    errorCode,
  };
  if (origin !== undefined) event.origin = origin;
  p.onAttempt.emit(event);
}

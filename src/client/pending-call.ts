import type { AbortedError } from '../errors/aborted-error.ts';
import type { BreakerPermit } from './breaker/circuit-breaker.ts';
import type { ClientResponse, RequestOptions } from './client-types.ts';
import type { CallState } from './execute-attempts.ts';
import type { AttemptHandler, AttemptListener, RawResponse } from './transport/attempt-handler.ts';
import type { PreparedRequest } from './transport/build-request.ts';
import type { AttemptLike } from './transport/start-attempt.ts';

/** What a call needs of its client to end. */
export interface CallEnds {
  /** Whether `status` answers the call (neither a retryable status nor a 5xx). */
  answers(status: number): boolean;
  /** Ends the call with the first attempt's response, synchronously. */
  answer(call: PendingCall, handler: AttemptHandler, response: RawResponse): ClientResponse;
  /** Goes on asynchronously from a settled first attempt that did not answer the call. */
  proceed(call: PendingCall, started: AttemptLike): Promise<ClientResponse>;
}

/**
 * One call of the client: its state (CallState), what it must give back when it ends (a
 * bulkhead slot, an abort listener) and, on the synchronous path, the promise its caller
 * holds and the listener of its first attempt.
 *
 * Why a listener: a call answered by its first attempt (the common case) then costs one
 * promise (the caller's) and no await: the attempt's handler tells the call when undici
 * completes the response, and the call resolves its promise there. Anything else (a failure,
 * a retry, a fallback) goes on in the client's async path, which judges the attempt as
 * it judges every other.
 */
export class PendingCall implements CallState, AttemptListener {
  attempts = 0;
  current: AttemptLike | undefined = undefined;
  lastErrorCode: string | undefined = undefined;
  shortCircuited = false;
  aborted: AbortedError | undefined = undefined;
  endedAt = -1;
  fresh = true;
  attemptStart = 0;
  permit: BreakerPermit | undefined = undefined;
  boundByDeadline = false;
  /** A bulkhead slot is held (to leave when the call ends). */
  entered = false;
  /** The listener on the caller's signal (to remove when the call ends). */
  onAbort: (() => void) | undefined = undefined;
  readonly deadlineAt: number;
  readonly signal: AbortSignal | undefined;
  private resolve: ((response: ClientResponse) => void) | undefined = undefined;
  private reject: ((err: unknown) => void) | undefined = undefined;

  constructor(
    private readonly ends: CallEnds,
    readonly options: RequestOptions,
    readonly request: PreparedRequest,
    readonly startedAt: number,
    readonly deadlineMs: number,
    readonly timeoutMs: number,
  ) {
    this.deadlineAt = startedAt + deadlineMs;
    this.signal = options.signal;
  }

  /** Listens to the first attempt; the returned promise settles with the call. */
  listen(first: AttemptHandler): Promise<ClientResponse> {
    const promise = new Promise<ClientResponse>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // It may have settled already (undici can fail a dispatch synchronously).
    if (first.settled) this.attemptDone(first);
    else first.listener = this;
    return promise;
  }

  attemptDone(attempt: AttemptHandler): void {
    const response = attempt.response;
    if (response !== undefined && this.ends.answers(response.status)) {
      try {
        this.resolve!(this.ends.answer(this, attempt, response));
      } catch (err) {
        this.reject!(err);
      }
      return;
    }
    this.ends.proceed(this, attempt).then(this.resolve, this.reject);
  }
}

import type { AttemptRequest, RawResponse } from './attempt-handler.ts';

/** An attempt in flight, as the retry loop sees it: a result and a way to cancel it. */
export interface AttemptLike {
  readonly promise: Promise<RawResponse>;
  /** Its place in the client's list of attempts in flight (active-attempts.ts); -1 when not there. */
  activeIndex: number;
  abort(err: Error): void;
  /** Origin of the endpoint used (with `endpoints`), once picked; reported in AttemptEvent. */
  readonly origin?: string | undefined;
}

/** What a stage may need to know about the call an attempt belongs to. */
export interface AttemptInfo {
  method: string;
  idempotencyKey: string | undefined;
}

/**
 * Starts one attempt that must settle by the clock reading `timeoutAt`. The optional stages
 * (hedging, auth, endpoint pick) are each a StartAttempt over the next one, composed once by
 * buildPipeline; without any of them the retry loop calls sendAttempt directly.
 */
export type StartAttempt = (
  request: AttemptRequest,
  info: AttemptInfo,
  timeoutAt: number,
  timeoutMs: number,
) => AttemptLike;

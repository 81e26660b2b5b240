import type {
  AttemptEvent,
  BreakerState,
  BreakerStateChangeEvent,
  CallOutcome,
  RequestOptions,
} from '../../client/client-types.ts';
import type { Event } from '../../events/event.ts';

/**
 * What the load driver drives: the reference ResilientClient satisfies it as is, and a
 * user's own client (`faultline run --client ./my-client.ts`, docs/custom-client.md)
 * implements it through a small adapter. Everything but `request` and `close` is optional;
 * without `onAttempt` there are no upstream-call records, without `onBreakerStateChange`
 * no breaker records (hypotheses about them then fail for lack of evidence).
 */
export interface LoadTarget {
  request(options: RequestOptions): Promise<LoadResponse>;
  close(): Promise<void>;
  onAttempt?: Event<AttemptEvent>;
  onBreakerStateChange?: Event<BreakerStateChangeEvent>;
  breaker?: { readonly state: BreakerState };
}

/** The part of a response the driver records. */
export interface LoadResponse {
  status: number;
  headers?: Record<string, string | string[] | undefined>;
  body?: Uint8Array;
  outcome?: Partial<CallOutcome>;
}

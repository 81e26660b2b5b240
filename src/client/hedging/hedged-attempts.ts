import { AbortedError } from '../../errors/aborted-error.ts';
import type { Clock } from '../../time/clock.ts';
import { IDEMPOTENT_METHODS } from '../retry/retry-policy.ts';
import type { RawResponse } from '../transport/attempt-handler.ts';
import type { AttemptLike, StartAttempt } from '../transport/start-attempt.ts';
import { hedgeDelay } from './hedge-delay.ts';
import type { LatencyTracker } from './latency-tracker.ts';
import type { ResolvedHedgingOptions } from './resolve-hedging-options.ts';
import { runHedged } from './run-hedged.ts';

export interface HedgingDeps {
  service: string;
  clock: Clock;
  /** Latencies of the legs (fed by `timedAttempts` at the innermost stage). */
  latency: LatencyTracker;
  /** Charges one hedge to the client's retry budget; absent when it has none. */
  tryAcquireRetry: (() => boolean) | undefined;
  /** True with endpoints: the attempt then reports the origin of the leg it carries. */
  reportOrigin: boolean;
}

/**
 * The hedging stage, outermost of the optional ones so that each hedge is a full leg (its
 * own credentials and endpoint pick) and outlier detection sees every leg:
 *
 * ```
 *   retry loop ─► hedging: race of legs ─► leg: auth ─► endpoint pick ─► transport
 * ```
 *
 * Only idempotent calls (or calls with an idempotency key) are hedged, and only once the
 * delay is known (hedgeDelay). The race's result is the winner's; its failure the last leg's.
 *
 * @example
 * const start = hedgedAttempts(options.hedging, leg, { service, clock, latency, tryAcquireRetry, reportOrigin });
 */
export function hedgedAttempts(
  h: ResolvedHedgingOptions,
  leg: StartAttempt,
  deps: HedgingDeps,
): StartAttempt {
  return (request, info, timeoutAt, timeoutMs) => {
    if (!IDEMPOTENT_METHODS.has(info.method) && info.idempotencyKey === undefined) {
      return leg(request, info, timeoutAt, timeoutMs);
    }
    const delayMs = hedgeDelay(h, deps.latency);
    if (delayMs === undefined) return leg(request, info, timeoutAt, timeoutMs);
    const legs: AttemptLike[] = [];
    // The attempt reports the origin of the leg whose result it carries: the winner, or
    // the leg that failed last (the race rejects with the last failure).
    let origin: string | undefined;
    let lastFailedOrigin: string | undefined;
    const race = runHedged<RawResponse>({
      clock: deps.clock,
      delayMs,
      maxHedges: h.maxHedges,
      launch: () => {
        const started = leg(request, info, timeoutAt, timeoutMs);
        legs.push(started);
        if (deps.reportOrigin) {
          started.promise.catch(() => {
            lastFailedOrigin = started.origin;
          });
        }
        return started;
      },
      isSuccess: (r) => r.status < 500,
      mayHedge: () => deps.tryAcquireRetry?.() ?? true,
      loserReason: () => new AbortedError(deps.service),
    });
    return {
      activeIndex: -1,
      promise: race.then(
        (r) => {
          origin = legs[r.leg]?.origin;
          return r.value;
        },
        (err: unknown) => {
          origin = lastFailedOrigin;
          throw err;
        },
      ),
      abort: (err) => {
        for (const l of legs) l.abort(err);
      },
      get origin() {
        return origin;
      },
    };
  };
}

/**
 * Feeds `latency` with the duration of every answered send below 500 (the innermost stage,
 * so an auth resend counts as its own send, as a hedge delay should see it).
 */
export function timedAttempts(next: StartAttempt, latency: LatencyTracker, clock: Clock): StartAttempt {
  return (request, info, timeoutAt, timeoutMs) => {
    const started = clock.now();
    const attempt = next(request, info, timeoutAt, timeoutMs);
    attempt.promise.then(
      (response) => {
        if (response.status < 500) latency.record(clock.now() - started);
      },
      () => {},
    );
    return attempt;
  };
}

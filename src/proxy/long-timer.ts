import type { Cancel, Clock } from '../time/clock.ts';

/**
 * The longest delay one Node timer can hold (2^31−1 ms, about 24.8 days). Node fires a
 * longer `setTimeout` after 1 ms, so a `latency` of 1e12 would answer at once.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `clock.setTimer`, for any delay: a longer one is chained from timers of at most
 * MAX_TIMER_MS, as Go's timers (and so Toxiproxy) simply wait that long. Cancelling
 * cancels whichever link of the chain is pending.
 *
 * @example
 * const cancel = setLongTimer(clock, 1e12, () => stub.close()); // about 31.7 years
 */
export function setLongTimer(clock: Pick<Clock, 'setTimer'>, ms: number, fn: () => void): Cancel {
  let cancel: Cancel = () => {};
  let cancelled = false;
  const arm = (left: number): void => {
    if (cancelled) return;
    cancel =
      left > MAX_TIMER_MS
        ? clock.setTimer(MAX_TIMER_MS, () => arm(left - MAX_TIMER_MS))
        : clock.setTimer(left, fn);
  };
  arm(ms);
  return () => {
    cancelled = true;
    cancel();
  };
}

/**
 * Time is injected everywhere: policies, toxics and the runner read the clock they are
 * given, never `Date.now()` or `setTimeout` directly, so tests run on a manual clock and
 * scenarios can run in virtual time.
 */
export interface Clock {
  /** Milliseconds on a monotonic scale (not wall-clock time; only differences matter). */
  now(): number;
  /**
   * Calls `fn` once after `ms` milliseconds. Returns a function that cancels the timer.
   * Timers do not keep the process alive.
   */
  setTimer(ms: number, fn: () => void): Cancel;
  /** Resolves after `ms` milliseconds; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Cancels a timer; calling it twice is harmless. */
export type Cancel = () => void;

/** Builds `sleep` from `setTimer`, so every clock sleeps and aborts the same way. */
export function sleepOn(clock: Pick<Clock, 'setTimer'>, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = clock.setTimer(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Longest delay one Node timer can wait, ms: 2^31 - 1 (about 24.8 days). A longer one fires
 * after 1 ms (TimeoutOverflowWarning), so SystemClock chains timers past it and the loader
 * rejects durations above it (src/config/input-limits.ts).
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

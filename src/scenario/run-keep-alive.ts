/**
 * Why this exists: every timer on the system clock is unref'd (a client's timeout must not
 * keep a user's process alive), so while a run waits for the end of a phase with nothing
 * else in flight (HTTP faults only, a user's fetch-based client, a Toxiproxy in another
 * process) Node sees an empty event loop and exits with code 13 in the middle of the run,
 * faults applied and no report. The run instead holds the loop with ONE handle for exactly
 * as long as it runs, and releases it when it returns or throws.
 */

/** Longest delay Node accepts for a timer, ms (2^31 - 1). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Releases the hold; calling it twice is harmless. */
export type ReleaseKeepAlive = () => void;

/**
 * Holds the event loop open until the returned function is called.
 *
 * @example
 * const release = holdEventLoop();
 * try { await run(); } finally { release(); }
 */
export function holdEventLoop(): ReleaseKeepAlive {
  // A ref'd interval that never fires in practice: one handle, no work, no wake-ups.
  const handle = setInterval(() => {}, MAX_TIMER_MS);
  return () => clearInterval(handle);
}

/**
 * Runs `fn` while the event loop is held (see holdEventLoop).
 *
 * @example
 * const summary = await whileHoldingEventLoop(() => runTheScenarios());
 */
export async function whileHoldingEventLoop<T>(fn: () => Promise<T>): Promise<T> {
  const release = holdEventLoop();
  try {
    return await fn();
  } finally {
    release();
  }
}

import { performance } from 'node:perf_hooks';
import { type Cancel, type Clock, MAX_TIMER_MS, sleepOn } from './clock.ts';

/** The real clock: `performance.now()` and unref'd Node timers. */
export class SystemClock implements Clock {
  now(): number {
    return performance.now();
  }

  /**
   * Why chained: a Node timer waits at most 2^31 - 1 ms and fires a longer one after 1 ms,
   * so a long delay is waited in steps of at most that, each re-armed from the last.
   */
  setTimer(ms: number, fn: () => void): Cancel {
    let remaining = Math.max(0, ms);
    let handle: NodeJS.Timeout;
    const arm = () => {
      const step = Math.min(remaining, MAX_TIMER_MS);
      remaining -= step;
      handle = setTimeout(remaining > 0 ? arm : fn, step);
      handle.unref();
    };
    arm();
    return () => clearTimeout(handle);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }
}

/** Shared instance; the clock has no state of its own. */
export const systemClock: Clock = new SystemClock();

import { performance } from 'node:perf_hooks';
import { type Cancel, type Clock, sleepOn } from './clock.ts';

/** The real clock: `performance.now()` and unref'd Node timers. */
export class SystemClock implements Clock {
  now(): number {
    return performance.now();
  }

  setTimer(ms: number, fn: () => void): Cancel {
    const handle = setTimeout(fn, Math.max(0, ms));
    handle.unref();
    return () => clearTimeout(handle);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }
}

/** Shared instance; the clock has no state of its own. */
export const systemClock: Clock = new SystemClock();

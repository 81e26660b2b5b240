import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import type { Cancel, Clock } from '../time/clock.ts';

/**
 * The background half of an adapter that keeps work for later (analytics' buffer, notify's
 * outbox): one drain run at a time, re-run on a timer while work is left, stopped by
 * `close()`.
 *
 *   arm() --everyMs--> run() --settled--> arm() ...   (only while pending() and not closed)
 */
export interface PeriodicDrain<T> {
  /**
   * Runs the drain now, or joins the run in progress. Why single-flight: a timer run and a
   * manual call overlapping would send the same work twice and double the load on a sick
   * service.
   */
  run(): Promise<T>;
  /** Schedules a run in `everyMs` unless one is scheduled, nothing is pending, timing is off or it is closed. */
  arm(): void;
  /** True once `close()` was called; a running drain checks it between items. */
  readonly closed: boolean;
  /** Stops the timer and waits for the run in progress. */
  close(): Promise<void>;
}

export interface PeriodicDrainOptions<T> {
  /** Delay of a timed run, ms; `false`: runs only when `run()` is called. */
  everyMs: number | false;
  clock: Clock;
  /** Whether there is work left to drain. */
  pending(): boolean;
  /** One drain run; must not reject. */
  drain(): Promise<T>;
}

export function createPeriodicDrain<T>(options: PeriodicDrainOptions<T>): PeriodicDrain<T> {
  const { everyMs, clock } = options;
  let running: Promise<T> | undefined;
  let cancelTimer: Cancel | undefined;
  let closed = false;

  const run = (): Promise<T> => {
    running ??= options.drain().finally(() => {
      running = undefined;
    });
    return running;
  };

  const arm = (): void => {
    if (closed || everyMs === false || cancelTimer !== undefined || !options.pending()) return;
    cancelTimer = clock.setTimer(everyMs, () => {
      cancelTimer = undefined;
      void run().then(arm);
    });
  };

  return {
    run,
    arm,
    get closed() {
      return closed;
    },
    async close() {
      closed = true;
      cancelTimer?.();
      cancelTimer = undefined;
      await running;
    },
  };
}

/** Validates a `PeriodicDrainOptions.everyMs` option: a number of ms > 0, or `false`. */
export function drainIntervalMs(field: string, value: number | false): number | false {
  if (value !== false && !(Number.isFinite(value) && value > 0)) {
    throw new InvalidOptionsError(field, 'a number of ms > 0 or false', value);
  }
  return value;
}

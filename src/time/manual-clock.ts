import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { type Cancel, type Clock, sleepOn } from './clock.ts';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * A clock that only moves when told to. Timers fire in order of due time (then creation
 * order) as `advance` passes them, and pending promise callbacks run between timers, so
 * async code awaiting `sleep` progresses as it would in real time.
 *
 * @example
 * const clock = new ManualClock();
 * const done = clock.sleep(100);
 * await clock.advance(100); // `done` is now resolved
 */
export class ManualClock implements Clock {
  private current: number;
  private seq = 0;
  private timers: Timer[] = [];
  private waiters: Array<{ match: (at: number) => boolean; resolve: (at: number) => void }> = [];

  /** @param start the initial reading of `now()`, in ms. @default 0 */
  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fn: () => void): Cancel {
    const timer: Timer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    if (this.waiters.length > 0) this.wake(timer.at);
    return () => {
      const i = this.timers.indexOf(timer);
      if (i >= 0) this.timers.splice(i, 1);
    };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }

  /**
   * Resolves with the due time of the first pending timer that `match` accepts: at once, or
   * as soon as one is set. Code that runs on real I/O (a socket answer, a probe) and then arms
   * a timer is waited for this way, instead of polling `pendingTimers`.
   *
   * @example
   * await clock.advance(1_000); // fires a round of probes on real sockets
   * await clock.whenTimer((at) => at === clock.now() + 1_000); // the round is done, the next armed
   */
  whenTimer(match: (at: number) => boolean = () => true): Promise<number> {
    const pending = this.timers.find((t) => match(t.at));
    if (pending !== undefined) return Promise.resolve(pending.at);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Number of timers not yet fired or cancelled. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Due time of the earliest pending timer, or undefined when there is none. */
  nextTimerAt(): number | undefined {
    return this.earliest()?.at;
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, in order,
   * and letting promise callbacks settle after each one.
   */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  /** Moves time forward to the absolute reading `target` (never backwards). */
  async advanceTo(target: number): Promise<void> {
    await flush();
    for (;;) {
      const next = this.earliest();
      if (next === undefined || next.at > target) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.current = Math.max(this.current, next.at);
      next.fn();
      await flush();
    }
    this.current = Math.max(this.current, target);
    await flush();
  }

  /** Fires timers until none are left or `limit` of them have fired; returns how many fired. */
  async runAll(limit = 10_000): Promise<number> {
    let fired = 0;
    while (fired < limit) {
      const next = this.earliest();
      if (next === undefined) break;
      await this.advanceTo(next.at);
      fired++;
    }
    return fired;
  }

  private wake(at: number): void {
    for (const waiter of this.waiters.filter((w) => w.match(at))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(at);
    }
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) {
      if (best === undefined || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }
}

/** Lets queued promise callbacks (and I/O callbacks already due) run. */
async function flush(): Promise<void> {
  await nextMacrotask();
}

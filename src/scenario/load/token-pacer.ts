import type { Clock } from '../../time/clock.ts';

/**
 * Open-loop pacing: one token every `1000 / ratePerSec` ms on the clock, shared by all
 * workers. Tokens are handed out in order of request, each at its own slot, so a worker
 * that waited for a slow call does not get a burst of missed tokens (no catch-up): the
 * schedule restarts from now when it has fallen behind.
 *
 * @example
 * const pacer = new TokenPacer(clock, 50);
 * await pacer.take(signal); // resolves at the next 20 ms slot
 */
export class TokenPacer {
  private nextAt: number;
  private readonly intervalMs: number;

  constructor(
    private readonly clock: Clock,
    ratePerSec: number,
  ) {
    this.intervalMs = 1000 / ratePerSec;
    this.nextAt = clock.now();
  }

  /** Waits for the next token; rejects with the signal's reason when it aborts. */
  take(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(this.nextAt, now);
    this.nextAt = at + this.intervalMs;
    return at > now ? this.clock.sleep(at - now, signal) : Promise.resolve();
  }
}

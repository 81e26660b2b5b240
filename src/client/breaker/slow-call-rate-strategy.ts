import { TimedOutcomeWindow } from './timed-outcome-window.ts';
import type { CallRecord, TripStrategy } from './trip-strategy.ts';

/**
 * Like the time window, but also opens on slowness (Resilience4j's rule): among the calls
 * that finished in the last `windowMs`, once at least `minimumCalls` were seen, the circuit
 * opens when the slow-call rate is >= `slowCallRateThreshold` or the failure rate is
 * >= `failureRateThreshold`. A call is slow when it took >= slowCallDurationMs, whatever
 * its result. A slow probe counts as a failed probe.
 *
 * @example
 * const s = new SlowCallRateStrategy({ windowMs: 10_000, minimumCalls: 10,
 *   slowCallRateThreshold: 0.5, failureRateThreshold: 0.5 });
 */
export class SlowCallRateStrategy implements TripStrategy {
  private readonly window: TimedOutcomeWindow;

  constructor(
    private readonly o: {
      windowMs: number;
      minimumCalls: number;
      slowCallRateThreshold: number;
      failureRateThreshold: number;
    },
  ) {
    this.window = new TimedOutcomeWindow(o.windowMs);
  }

  record(call: CallRecord, now: number): string | undefined {
    const w = this.window;
    w.add(now, call.failure, call.slow);
    const minimum = this.o.minimumCalls;
    if (w.calls < minimum) return undefined;
    if (w.slow / w.calls >= this.o.slowCallRateThreshold) {
      return `slow-call rate ${w.slow}/${w.calls} >= ${this.o.slowCallRateThreshold} over ${this.o.windowMs} ms`;
    }
    if (w.failures / w.calls >= this.o.failureRateThreshold) {
      return `failure rate ${w.failures}/${w.calls} >= ${this.o.failureRateThreshold} over ${this.o.windowMs} ms`;
    }
    return undefined;
  }

  probeFailed(call: CallRecord): boolean {
    return call.failure || call.slow;
  }

  reset(): void {
    this.window.clear();
  }
}

import { TimedOutcomeWindow } from './timed-outcome-window.ts';
import type { CallRecord, TripStrategy } from './trip-strategy.ts';

/**
 * Opens when, among the calls that finished in the last `windowMs`, at least
 * `minimumCalls` were seen and the failure rate is >= `failureRateThreshold`.
 *
 * @example
 * const s = new TimeWindowStrategy({ windowMs: 10_000, minimumCalls: 10, failureRateThreshold: 0.5 });
 */
export class TimeWindowStrategy implements TripStrategy {
  private readonly window: TimedOutcomeWindow;

  constructor(private readonly o: { windowMs: number; minimumCalls: number; failureRateThreshold: number }) {
    this.window = new TimedOutcomeWindow(o.windowMs);
  }

  record(call: CallRecord, now: number): string | undefined {
    const w = this.window;
    w.add(now, call.failure, false);
    const minimum = this.o.minimumCalls;
    if (w.calls < minimum) return undefined;
    return w.failures / w.calls >= this.o.failureRateThreshold
      ? `failure rate ${w.failures}/${w.calls} >= ${this.o.failureRateThreshold} over ${this.o.windowMs} ms`
      : undefined;
  }

  probeFailed(call: CallRecord): boolean {
    return call.failure;
  }

  reset(): void {
    this.window.clear();
  }
}

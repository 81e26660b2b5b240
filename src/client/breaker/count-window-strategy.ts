import type { CallRecord, TripStrategy } from './trip-strategy.ts';

/**
 * Opens when, among the last `windowSize` calls, at least `minimumCalls` were seen and the
 * failure rate is >= `failureRateThreshold`. A ring buffer of outcomes, O(1) per call.
 *
 * @example
 * const s = new CountWindowStrategy({ windowSize: 10, minimumCalls: 5, failureRateThreshold: 0.5 });
 */
export class CountWindowStrategy implements TripStrategy {
  private readonly ring: Uint8Array;
  private next = 0;
  private size = 0;
  private failures = 0;

  constructor(
    private readonly o: { windowSize: number; minimumCalls: number; failureRateThreshold: number },
  ) {
    this.ring = new Uint8Array(o.windowSize);
  }

  record(call: CallRecord): string | undefined {
    const value = call.failure ? 1 : 0;
    if (this.size === this.o.windowSize) this.failures -= this.ring[this.next]!;
    else this.size++;
    this.ring[this.next] = value;
    this.failures += value;
    this.next = (this.next + 1) % this.o.windowSize;
    const minimum = this.o.minimumCalls;
    if (this.size < minimum) return undefined;
    const rate = this.failures / this.size;
    return rate >= this.o.failureRateThreshold
      ? `failure rate ${this.failures}/${this.size} >= ${this.o.failureRateThreshold} over the last ${this.o.windowSize} calls`
      : undefined;
  }

  probeFailed(call: CallRecord): boolean {
    return call.failure;
  }

  reset(): void {
    this.next = 0;
    this.size = 0;
    this.failures = 0;
  }
}

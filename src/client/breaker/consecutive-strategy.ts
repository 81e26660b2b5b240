import type { CallRecord, TripStrategy } from './trip-strategy.ts';

/**
 * Opens after `failureThreshold` failures in a row; any success starts the count again.
 *
 * @example
 * const s = new ConsecutiveStrategy(3);
 * s.record({ failure: true, slow: false }, 0); // undefined (1 of 3)
 */
export class ConsecutiveStrategy implements TripStrategy {
  private failures = 0;

  constructor(private readonly failureThreshold: number) {}

  record(call: CallRecord): string | undefined {
    if (!call.failure) {
      this.failures = 0;
      return undefined;
    }
    this.failures++;
    const reached = this.failures >= this.failureThreshold;
    return reached ? `${this.failures} consecutive failures` : undefined;
  }

  probeFailed(call: CallRecord): boolean {
    return call.failure;
  }

  reset(): void {
    this.failures = 0;
  }
}

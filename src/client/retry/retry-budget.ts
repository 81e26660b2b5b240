import type { Clock } from '../../time/clock.ts';
import type { RetryBudgetOptions } from '../client-types.ts';

const BUCKETS = 10;

/**
 * Caps retries at `minRetriesPerWindow + ratio * calls` over a sliding window of
 * `windowMs`, so that retries cannot amplify an outage (the Finagle/gRPC retry budget).
 *
 * The window is kept in 10 buckets of `windowMs / 10` on the injected clock.
 *
 * Why retries and calls are counted over different spans: a bucketed window only
 * approximates the exact window `(now - windowMs, now]`. To keep the guarantee exact
 * ("at every granted retry, the retries in the last windowMs never exceed the floor plus
 * ratio times the calls in the last windowMs") we err on the safe side both ways: retries
 * are counted over 11 buckets (a span that covers the exact window) and calls over the 10
 * most recent buckets only (a span inside the exact window).
 *
 * @example
 * const budget = new RetryBudget({ ratio: 0.2, minRetriesPerWindow: 10, windowMs: 10_000 }, clock);
 * budget.recordCall();
 * if (budget.tryAcquire()) retry();
 */
export class RetryBudget {
  private readonly bucketMs: number;
  private readonly ids = new Float64Array(BUCKETS + 1).fill(Number.NaN);
  private readonly calls = new Float64Array(BUCKETS + 1);
  private readonly retries = new Float64Array(BUCKETS + 1);

  constructor(
    private readonly options: Required<RetryBudgetOptions>,
    private readonly clock: Clock,
  ) {
    this.bucketMs = options.windowMs / BUCKETS;
  }

  /** Counts one call (not a retry) towards the budget; `now`: a clock reading the caller has. */
  recordCall(now = this.clock.now()): void {
    const slot = this.slot(Math.floor(now / this.bucketMs));
    this.calls[slot]!++;
  }

  /** Consumes one retry when the budget allows it; returns whether it did. */
  tryAcquire(): boolean {
    if (this.available < 1) return false;
    this.retries[this.slot(this.currentId())]!++;
    return true;
  }

  /** Retries that could be granted right now (0 or more, an integer). */
  get available(): number {
    const current = this.currentId();
    let calls = 0;
    let retries = 0;
    for (let i = 0; i <= BUCKETS; i++) {
      const age = current - this.ids[i]!;
      // NaN (never used) and buckets outside the span fail this test.
      if (!(age >= 0 && age <= BUCKETS)) continue;
      retries += this.retries[i]!;
      if (age < BUCKETS) calls += this.calls[i]!;
    }
    const allowed = this.options.minRetriesPerWindow + this.options.ratio * calls;
    return Math.max(0, Math.floor(allowed - retries + 1e-9));
  }

  private currentId(): number {
    return Math.floor(this.clock.now() / this.bucketMs);
  }

  /** The slot of bucket `id`, cleared first when it still holds an older bucket. */
  private slot(id: number): number {
    const i = ((id % (BUCKETS + 1)) + BUCKETS + 1) % (BUCKETS + 1);
    if (this.ids[i] !== id) {
      this.ids[i] = id;
      this.calls[i] = 0;
      this.retries[i] = 0;
    }
    return i;
  }
}

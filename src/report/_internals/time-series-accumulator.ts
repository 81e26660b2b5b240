import type { BreakerState } from '../../client/client-types.ts';
import type { BreakerRecord, CallRecord } from '../run-events.ts';
import type { TimeBucket, TimeSeries } from '../run-result.ts';
import { LatencyHistogram } from './latency-histogram.ts';

/** Narrowest bucket, ms. */
export const MIN_BUCKET_MS = 250;
/** Most buckets per scenario; longer scenarios get wider buckets. */
export const MAX_BUCKETS = 400;

interface Bucket {
  calls: number;
  errors: number;
  latency: LatencyHistogram;
  /** Worst breaker state entered during the bucket. */
  worst?: BreakerState;
  /** State after the bucket's last transition, and that transition's time. */
  endState?: BreakerState;
  endT: number;
}

const SEVERITY: Record<BreakerState, number> = { closed: 0, isolated: 1, 'half-open': 2, open: 3 };

/** Picks the bucket width for a scenario of `plannedMs`: 250 ms, or a multiple so at most MAX_BUCKETS. */
export function bucketWidthFor(plannedMs: number): number {
  const needed = Math.ceil(plannedMs / MAX_BUCKETS);
  return Math.max(MIN_BUCKET_MS, Math.ceil(needed / MIN_BUCKET_MS) * MIN_BUCKET_MS);
}

/**
 * Buckets calls by start time for the charts. Memory is O(buckets): each bucket holds
 * counters and a 2-digit histogram, never the calls themselves.
 */
export class TimeSeriesAccumulator {
  private readonly buckets = new Map<number, Bucket>();

  constructor(readonly bucketMs: number) {}

  observeCall(call: CallRecord): void {
    const bucket = this.bucketAt(call.t);
    bucket.calls++;
    if (call.outcome !== 'ok') bucket.errors++;
    bucket.latency.record(call.latencyMs);
  }

  observeBreaker(record: BreakerRecord): void {
    const bucket = this.bucketAt(record.t);
    if (bucket.worst === undefined || SEVERITY[record.to] > SEVERITY[bucket.worst]) bucket.worst = record.to;
    if (bucket.endState === undefined || record.t >= bucket.endT) {
      bucket.endState = record.to;
      bucket.endT = record.t;
    }
  }

  /**
   * Every bucket from 0 to `untilMs` (empty ones included, so charts have no gaps).
   * @param breakerKnown false when the client exposes no breaker: every state is null (unknown).
   */
  result(untilMs: number, breakerKnown = true): TimeSeries {
    const lastIndex = Math.max(
      Math.ceil(untilMs / this.bucketMs) - 1,
      ...[...this.buckets.keys()].map((k) => k),
      0,
    );
    const buckets: TimeBucket[] = [];
    // Why carry: a bucket without transitions is in whatever state the last transition left.
    let carried: BreakerState = 'closed';
    for (let index = 0; index <= lastIndex; index++) {
      const bucket = this.buckets.get(index);
      let state = carried;
      if (bucket?.worst !== undefined && SEVERITY[bucket.worst] > SEVERITY[state]) state = bucket.worst;
      if (bucket?.endState !== undefined) carried = bucket.endState;
      buckets.push({
        t: index * this.bucketMs,
        calls: bucket?.calls ?? 0,
        errors: bucket?.errors ?? 0,
        p50: bucket?.latency.percentile(50) ?? null,
        p95: bucket?.latency.percentile(95) ?? null,
        p99: bucket?.latency.percentile(99) ?? null,
        breakerState: breakerKnown ? state : null,
      });
    }
    return { bucketMs: this.bucketMs, buckets };
  }

  private bucketAt(t: number): Bucket {
    const index = Math.max(0, Math.floor(t / this.bucketMs));
    let bucket = this.buckets.get(index);
    if (bucket === undefined) {
      bucket = { calls: 0, errors: 0, latency: new LatencyHistogram(2), endT: -1 };
      this.buckets.set(index, bucket);
    }
    return bucket;
  }
}

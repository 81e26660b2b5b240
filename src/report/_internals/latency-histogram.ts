import * as hdr from 'hdr-histogram-js';

/**
 * A latency histogram in milliseconds with bounded memory, whatever the number of calls.
 * Values are recorded in microseconds (hdr histograms count integers) so sub-millisecond
 * latencies of virtual-time runs keep their resolution.
 */
export class LatencyHistogram {
  private readonly histogram: hdr.Histogram;
  /** Exact maximum in µs: the histogram's own is rounded to its bucket. */
  private exactMax = 0;

  /** @param significantDigits 3 for phase and scenario totals; 2 is enough for chart buckets. */
  constructor(significantDigits: 2 | 3 = 3) {
    this.histogram = hdr.build({
      bitBucketSize: 32,
      autoResize: true,
      lowestDiscernibleValue: 1,
      highestTrackableValue: 2,
      numberOfSignificantValueDigits: significantDigits,
      useWebAssembly: false,
    });
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  record(latencyMs: number): void {
    const micros = Number.isFinite(latencyMs) && latencyMs > 0 ? Math.round(latencyMs * 1000) : 0;
    this.histogram.recordValue(micros);
    if (micros > this.exactMax) this.exactMax = micros;
  }

  /** The latency at `percentile` (0..100) in ms, rounded to 0.001 ms, or null when empty. */
  percentile(percentile: number): number | null {
    if (this.histogram.totalCount === 0) return null;
    // A bucket's representative value can lie above the largest value recorded in it;
    // clamp so that no percentile reads higher than the maximum.
    return round(Math.min(this.histogram.getValueAtPercentile(percentile), this.exactMax) / 1000);
  }

  max(): number | null {
    if (this.histogram.totalCount === 0) return null;
    return round(this.exactMax / 1000);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * The most recent `capacity` latencies in a ring, and their p95. The percentile is
 * recomputed (a sort of at most `capacity` numbers) only every `capacity / 16` samples, so
 * reading it on every call is cheap and it still follows a change within a few dozen calls.
 *
 * @example
 * const t = new LatencyTracker();
 * t.record(12);
 * t.p95(); // 12
 */
export class LatencyTracker {
  private readonly ring: Float64Array;
  private size = 0;
  private next = 0;
  private sinceCompute = 0;
  private cached = Number.NaN;
  private readonly recomputeEvery: number;

  /** @param capacity samples kept. @default 256 */
  constructor(readonly capacity = 256) {
    this.ring = new Float64Array(capacity);
    this.recomputeEvery = Math.max(1, Math.floor(capacity / 16));
  }

  get count(): number {
    return this.size;
  }

  record(ms: number): void {
    this.ring[this.next] = ms;
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
    this.sinceCompute++;
  }

  /** The 95th percentile (nearest rank) of the kept samples; NaN when there are none. */
  p95(): number {
    if (this.size === 0) return Number.NaN;
    if (Number.isNaN(this.cached) || this.sinceCompute >= this.recomputeEvery) {
      const sorted = this.ring.slice(0, this.size).sort();
      this.cached = sorted[Math.min(this.size - 1, Math.ceil(0.95 * this.size) - 1)]!;
      this.sinceCompute = 0;
    }
    return this.cached;
  }
}

/**
 * The calls that finished in the last `windowMs`: exact (no buckets), a queue of
 * timestamps with running totals. Memory is one entry per call in the window.
 */
export class TimedOutcomeWindow {
  private times: number[] = [];
  private flags: number[] = [];
  private head = 0;
  calls = 0;
  failures = 0;
  slow = 0;

  constructor(private readonly windowMs: number) {}

  add(now: number, failure: boolean, slow: boolean): void {
    this.expire(now);
    this.times.push(now);
    this.flags.push((failure ? 1 : 0) | (slow ? 2 : 0));
    this.calls++;
    if (failure) this.failures++;
    if (slow) this.slow++;
  }

  /** Drops calls that finished at or before `now - windowMs`. */
  expire(now: number): void {
    const horizon = now - this.windowMs;
    while (this.head < this.times.length && this.times[this.head]! <= horizon) {
      const f = this.flags[this.head]!;
      this.calls--;
      if (f & 1) this.failures--;
      if (f & 2) this.slow--;
      this.head++;
    }
    // Compact now and then so the arrays do not grow forever.
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.flags = this.flags.slice(this.head);
      this.head = 0;
    }
  }

  clear(): void {
    this.times = [];
    this.flags = [];
    this.head = 0;
    this.calls = 0;
    this.failures = 0;
    this.slow = 0;
  }
}

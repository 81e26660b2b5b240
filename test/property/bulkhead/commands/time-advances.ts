import {
  type BulkheadCommand,
  type BulkheadModel,
  type BulkheadSystem,
  checkAgreement,
} from '../bulkhead-model.ts';

/**
 * Time passes: a fixed number of ms, or exactly up to (or 1 ms short of) the earliest
 * queued deadline, so the queue-timeout boundary is hit. Waiters past their deadline are
 * rejected (queue-timeout) and counted.
 */
export type TimeStep = number | 'to-next-deadline' | 'just-before-next-deadline';

export class TimeAdvances implements BulkheadCommand {
  private resolvedMs = Number.NaN;

  constructor(readonly step: TimeStep) {}

  check(): boolean {
    return true;
  }

  async run(m: BulkheadModel, s: BulkheadSystem): Promise<void> {
    const next = m.queue.length === 0 ? m.now : Math.min(...m.queue.map((q) => q.deadlineAt));
    const ms =
      this.step === 'to-next-deadline'
        ? next - m.now
        : this.step === 'just-before-next-deadline'
          ? Math.max(0, next - m.now - 1)
          : this.step;
    this.resolvedMs = ms;
    m.now += ms;
    for (const q of m.queue.filter((w) => w.deadlineAt <= m.now)) {
      m.failed.set(q.id, 'queue-timeout');
      m.rejections++;
    }
    m.queue = m.queue.filter((w) => w.deadlineAt > m.now);
    await s.clock.advance(ms);
    await checkAgreement(m, s, this.toString());
  }

  toString(): string {
    const step = typeof this.step === 'number' ? '' : `${this.step}=`;
    return `TimeAdvances(${step}${Number.isNaN(this.resolvedMs) ? '?' : this.resolvedMs}ms)`;
  }
}
